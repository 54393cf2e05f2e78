package org.mbrllab.app.lessons.mcts;

import java.util.Map;

import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.play.Mode;
import org.mbrllab.engine.play.StepSize;

/**
 * Reads an MCTS preset file the way the pane does, without a pane, so that the lesson catalogue can
 * report a broken {@code .mcts} file when it loads rather than when a student picks it.
 */
public final class MctsPresetCheck {

    /** What a freshly opened pane holds; a preset is read over it, as on the pane's first load. */
    private static final MctsPreset FRESH = new MctsPreset(Game.TIC_TAC_TOE, "", Mode.PLAY, Side.X,
            MctsViewModel.OPPONENTS.get(0), Rollout.UNIFORM_RANDOM, true, true, StepSize.SIMULATION, Map.of());

    private MctsPresetCheck() {}

    /**
     * Parses {@code text} and forgets the result.
     *
     * @throws IllegalArgumentException "source:line: problem" for the first problem, as the pane would
     */
    public static void check(String text, String source) {
        MctsPreset.parse(text, source, FRESH);
    }
}
