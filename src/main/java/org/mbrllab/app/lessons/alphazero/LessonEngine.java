package org.mbrllab.app.lessons.alphazero;

import java.util.function.Consumer;

import org.mbrllab.app.lessons.mcts.GameEngine;
import org.mbrllab.engine.alphazero.AlphaZeroTrainer;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.run.Engine;

/**
 * The pane's engine: the engine of the view shown, one of a game against the search ({@link GameEngine}),
 * training ({@link AlphaZeroTrainer}) or the budget comparison ({@link BudgetComparison}). It only
 * delegates; it runs on the runner's worker and the pane sees only {@link LessonSnapshot}s.
 */
final class LessonEngine implements Engine<LessonSnapshot> {

    private final View view;
    private final GameEngine play;
    private final AlphaZeroTrainer trainer;
    private final BudgetComparison comparison;

    private LessonEngine(View view, GameEngine play, AlphaZeroTrainer trainer, BudgetComparison comparison) {
        this.view = view;
        this.play = play;
        this.trainer = trainer;
        this.comparison = comparison;
    }

    static LessonEngine play(GameEngine game) {
        return new LessonEngine(View.PLAY, game, null, null);
    }

    static LessonEngine training(AlphaZeroTrainer trainer) {
        return new LessonEngine(View.TRAINING, null, trainer, null);
    }

    static LessonEngine comparison(BudgetComparison comparison) {
        return new LessonEngine(View.COMPARISON, null, null, comparison);
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
    public LessonSnapshot snapshot() {
        return new LessonSnapshot(view, play == null ? null : play.snapshot(), trainer == null ? null : trainer.snapshot(),
                comparison == null ? null : comparison.snapshot());
    }

    /** Changes the game of the play view, if that is the view shown. */
    void onGame(Consumer<GameEngine> change) {
        if (play != null) change.accept(play);
    }
}
