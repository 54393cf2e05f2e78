package org.mbrllab.engine.play;

import org.mbrllab.engine.alphazero.AlphaZeroSnapshot;
import org.mbrllab.engine.alphazero.BudgetComparison;

/**
 * What the pane draws: the snapshot of the view's engine, the others null. Immutable.
 *
 * @param view       the view whose engine runs
 * @param play       the game and its search (play view)
 * @param training   the trainer's progress (training view)
 * @param comparison the comparison's results so far (comparison view)
 */
public record AlphaZeroLessonSnapshot(AlphaZeroView view, GameSnapshot play, AlphaZeroSnapshot training, BudgetComparison.Snapshot comparison) {}
