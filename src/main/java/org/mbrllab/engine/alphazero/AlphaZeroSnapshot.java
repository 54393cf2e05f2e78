package org.mbrllab.engine.alphazero;

import java.util.List;

/**
 * What a training view draws, as immutable copies.
 *
 * @param iteration        the iteration under way, from 1 (after the last one: the number of iterations)
 * @param iterations       iterations in all
 * @param stage            what the next {@link AlphaZeroTrainer#step()} does
 * @param gamesPlayed      self-play games played so far
 * @param batchesTrained   Adam steps taken so far
 * @param bufferSize       positions in the replay buffer (symmetries included)
 * @param valueLoss        (z − v)² of the last batch, before its step; NaN before the first batch
 * @param policyLoss       −πᵀ log p of the last batch; NaN before the first batch
 * @param losses           every batch's losses, in order (for the loss curves)
 * @param history          one entry per finished iteration (for the W/D/L chart)
 * @param done             whether training has finished
 * @param network          the newest network (after the last finished training stage); immutable, so a
 *                         view may play with it on another thread ("trained now")
 */
public record AlphaZeroSnapshot(int iteration, int iterations, Stage stage, int gamesPlayed, int batchesTrained, int bufferSize,
                                double valueLoss, double policyLoss, List<BatchLoss> losses, List<IterationResult> history,
                                boolean done, PolicyValueNet network) {

    public AlphaZeroSnapshot {
        losses = List.copyOf(losses);
        history = List.copyOf(history);
    }

    /** The three stages of an iteration. */
    public enum Stage { SELF_PLAY, TRAINING, EVALUATION }

    /** The losses of one batch, before its Adam step. */
    public record BatchLoss(int batch, double value, double policy, double l2) {}

    /**
     * One finished iteration.
     *
     * @param wins   evaluation games the network (with MCTS) won against equal-budget pure MCTS
     * @param draws  draws
     * @param losses games it lost
     * @param valueLoss  mean value loss over the iteration's batches (NaN if none)
     * @param policyLoss mean policy loss over the iteration's batches (NaN if none)
     */
    public record IterationResult(int iteration, int gamesPlayed, double valueLoss, double policyLoss, int wins, int draws,
                                  int losses) {}
}
