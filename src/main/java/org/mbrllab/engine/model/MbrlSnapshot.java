package org.mbrllab.engine.model;

import java.util.List;

/**
 * What a view of a model-based planning loop draws. Made by {@link ModelBasedPlanning#snapshot()}: the
 * arrays are fresh copies owned by the snapshot and never written again, and the model is immutable, so
 * a snapshot may cross threads.
 *
 * @param settings          the run's settings
 * @param phase             what the next step does
 * @param episode           the planning episode under way, from 1; 0 while the random data are collected
 * @param step              steps taken in the current episode (random or planning)
 * @param episodeStates     the current episode's real states s_0 … s_step
 * @param episodeActions    its actions a_0 … a_{step−1}
 * @param plannedStates     the states the current plan predicts, from the real state it was made in
 *                          (empty before the first plan of the episode)
 * @param planStart         the step at which the current plan was made
 * @param realRewards       r_t of the current episode so far
 * @param predictedRewards  the reward the planner's model predicted for each step so far, averaged over
 *                          the plans that covered the step (NaN during random collection)
 * @param results           one entry per finished planning episode
 * @param fitLosses         the epochs of the current or last fit
 * @param dataAngle         θ of every transition in D (wrapped to (−π, π]), in the order collected
 * @param dataVelocity      θ̇ of every transition in D
 * @param dataEpisode       the episode that collected each transition (0 = random policy)
 * @param model             the last fitted ensemble, or null before the first fit
 * @param kStepSingle       e(k) of one network (member 1) on the last finished episode, k = 1 …
 *                          {@link ModelBasedPlanning#K_STEP_MAX}; empty before the first episode ends
 * @param kStepEnsemble     e(k) of the ensemble mean on the same starts
 * @param done              whether every episode has run
 * @param evalStep          steps of the current evaluation run so far (all starts together, of
 *                          E × {@link MbrlSettings#EPISODE_STEPS}); 0 outside {@link ModelBasedPlanning.Phase#EVALUATE}
 */
public record MbrlSnapshot(MbrlSettings settings, ModelBasedPlanning.Phase phase, int episode, int step,
                           double[][] episodeStates, double[] episodeActions, double[][] plannedStates, int planStart,
                           double[] realRewards, double[] predictedRewards, List<EpisodeResult> results,
                           List<EpochLosses> fitLosses, double[] dataAngle, double[] dataVelocity, int[] dataEpisode,
                           FrozenEnsemble model, double[] kStepSingle, double[] kStepEnsemble, boolean done,
                           int evalStep) {

    public MbrlSnapshot {
        results = List.copyOf(results);
        fitLosses = List.copyOf(fitLosses);
    }

    /** |D|. */
    public int datasetSize() {
        return dataAngle.length;
    }

    /**
     * One finished planning episode.
     *
     * @param episode         from 1
     * @param realReturn      Σ r_t the executed actions earned on the real system
     * @param predictedReturn Σ of the rewards the planner's model predicted for the same steps
     * @param datasetSize     |D| after the episode's transitions were added (V1 adds none)
     * @param fitEpochs       epochs of the fit the episode planned with
     * @param evalReturns     the real return of the planner with the same model from each of the fixed
     *                        starts ({@link ModelBasedPlanning#fixedStarts}), in their order; empty when
     *                        evaluation is off ({@link MbrlSettings#evalStarts()} = 0)
     */
    public record EpisodeResult(int episode, double realReturn, double predictedReturn, int datasetSize,
                                int fitEpochs, List<Double> evalReturns) {

        public EpisodeResult {
            evalReturns = List.copyOf(evalReturns);
        }

        /** An episode without evaluation. */
        public EpisodeResult(int episode, double realReturn, double predictedReturn, int datasetSize, int fitEpochs) {
            this(episode, realReturn, predictedReturn, datasetSize, fitEpochs, List.of());
        }

        /** The mean of {@link #evalReturns()}: the episode's model, judged on the same starts as every other; NaN if none. */
        public double evalReturn() {
            return evalReturns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }
}
