package org.mbrllab.engine.play;

import java.util.function.Consumer;

import org.mbrllab.engine.alphazero.AlphaZeroTrainer;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.run.Engine;

/**
 * The pane's engine: the engine of the view shown, one of a game against the search ({@link GameEngine}),
 * training ({@link AlphaZeroTrainer}) or the budget comparison ({@link BudgetComparison}). It only
 * delegates; it runs on the runner's worker and the pane sees only {@link AlphaZeroLessonSnapshot}s.
 */
public final class AlphaZeroLessonEngine implements Engine<AlphaZeroLessonSnapshot> {

    private final AlphaZeroView view;
    private final GameEngine play;
    private final AlphaZeroTrainer trainer;
    private final BudgetComparison comparison;

    private AlphaZeroLessonEngine(AlphaZeroView view, GameEngine play, AlphaZeroTrainer trainer, BudgetComparison comparison) {
        this.view = view;
        this.play = play;
        this.trainer = trainer;
        this.comparison = comparison;
    }

    public static AlphaZeroLessonEngine play(GameEngine game) {
        return new AlphaZeroLessonEngine(AlphaZeroView.PLAY, game, null, null);
    }

    public static AlphaZeroLessonEngine training(AlphaZeroTrainer trainer) {
        return new AlphaZeroLessonEngine(AlphaZeroView.TRAINING, null, trainer, null);
    }

    public static AlphaZeroLessonEngine comparison(BudgetComparison comparison) {
        return new AlphaZeroLessonEngine(AlphaZeroView.COMPARISON, null, null, comparison);
    }

    private Engine<?> current() {
        return switch (view) {
            case PLAY -> play;
            case TRAINING -> trainer;
            case COMPARISON -> comparison;
        };
    }

    @Override
    public boolean step() {
        return current().step();
    }

    @Override
    public boolean isDone() {
        return current().isDone();
    }

    @Override
    public AlphaZeroLessonSnapshot snapshot() {
        return new AlphaZeroLessonSnapshot(view, play == null ? null : play.snapshot(), trainer == null ? null : trainer.snapshot(),
                comparison == null ? null : comparison.snapshot());
    }

    /** Changes the game of the play view, if that is the view shown. */
    public void onGame(Consumer<GameEngine> change) {
        if (play != null) change.accept(play);
    }
}
