package org.mbrllab.engine.metrpo;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.RolloutMode;

/**
 * Everything one ME-TRPO run (or its model-free TRPO baseline) is set up with.
 *
 * @param system              the pendulum (Gymnasium's Pendulum-v1) or the cartpole
 * @param members             K, the models in the ensemble, 1 to 20
 * @param realSteps           the real-step budget: the run stops once the data reach it
 * @param modelFree           run the TRPO baseline on the real system instead (no models)
 * @param seed                the seed of everything random in the run (not of the evaluation starts)
 * @param rolloutMode         which member answers each imagined step (the paper: a member per step)
 * @param imaginedPaths       imagined trajectories per TRPO iteration (model-free: real trajectories, which
 *                            {@link #asModelFree} sets to {@value #MODEL_FREE_PATHS})
 * @param horizon             T, steps per trajectory, real or imagined (Pendulum-v1's episodes: 200)
 * @param realPathsPerIteration real trajectories collected in each outer iteration
 * @param hiddenUnits         units in each of the two hidden ReLU layers of every model
 * @param maxPolicyIterations the most TRPO iterations in one policy phase, whatever the validation rule says
 * @param delta               the trust region δ (mean KL per step)
 */
public record MeTrpoSettings(ControlSystem system, int members, int realSteps, boolean modelFree, long seed,
                             RolloutMode rolloutMode, int imaginedPaths, int horizon, int realPathsPerIteration,
                             int hiddenUnits, int maxPolicyIterations, double delta) {

    public static final ParameterSpec MEMBERS = ParameterSpec.whole("members", "K (models)", 1,
            EnsembleConfig.MAX_MEMBERS, 5, "How many models the ensemble trains; the paper compares 1, 5, 10 and 20.");
    public static final ParameterSpec REAL_STEPS = ParameterSpec.whole("real_steps", "real-step budget", 200,
            10_000_000, 4000, "The run stops once this many real transitions have been collected.");
    public static final ParameterSpec IMAGINED_PATHS = ParameterSpec.whole("imagined_paths", "trajectories per iteration",
            1, 1000, 100, "Imagined trajectories sampled for each TRPO iteration of ME-TRPO (100 × 200 steps; the "
            + "authors' code takes 50,000 imagined steps). Model-free TRPO samples 20 real ones.");
    public static final ParameterSpec HORIZON = ParameterSpec.whole("horizon", "horizon T", 10, 1000, 200,
            "Steps in each trajectory; Pendulum-v1's episodes last 200.");
    public static final ParameterSpec REAL_PATHS = ParameterSpec.whole("real_paths", "real trajectories per iteration",
            1, 100, 1, "Real trajectories the current policy collects before the models are refitted.");
    public static final ParameterSpec HIDDEN_UNITS = ParameterSpec.whole("hidden_units", "model units per layer", 4,
            512, 64, "Units in each of the two hidden layers of every model.");
    public static final ParameterSpec MAX_POLICY_ITERATIONS = ParameterSpec.whole("max_policy_iterations",
            "most iterations per phase", 5, 10_000, 100,
            "A policy phase stops here even if the validation rule has not stopped it.");
    public static final ParameterSpec DELTA = ParameterSpec.real("delta", "trust region δ", 1e-4, 1, 0.01,
            "The largest mean KL divergence between the policy before and after one TRPO step.");

    /**
     * Real trajectories per iteration of the model-free baseline: 20 × 200 = 4,000 real steps, the usual TRPO
     * batch on the pendulum. ME-TRPO's imagined batch is larger ({@link #IMAGINED_PATHS}) because imagined
     * steps cost no real data: with 20 imagined trajectories its policy phases stalled near −237 on a seed
     * where 100 reached −196 (measured on seed 1).
     */
    public static final int MODEL_FREE_PATHS = 20;

    /** The real-step budget of the model-free baseline when none is given: 50 times ME-TRPO's. */
    public static final int MODEL_FREE_REAL_STEPS = 200_000;

    public MeTrpoSettings {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(rolloutMode, "rolloutMode");
        MEMBERS.validate(members);
        REAL_STEPS.validate(realSteps);
        IMAGINED_PATHS.validate(imaginedPaths);
        HORIZON.validate(horizon);
        REAL_PATHS.validate(realPathsPerIteration);
        HIDDEN_UNITS.validate(hiddenUnits);
        MAX_POLICY_ITERATIONS.validate(maxPolicyIterations);
        DELTA.validate(delta);
    }

    /** The lesson's defaults on the pendulum: K = 5, a member per step, 4,000 real steps. */
    public static MeTrpoSettings defaults() {
        return new MeTrpoSettings(ControlSystem.PENDULUM, (int) MEMBERS.defaultValue(),
                (int) REAL_STEPS.defaultValue(), false, 0, RolloutMode.MEMBER_PER_STEP,
                (int) IMAGINED_PATHS.defaultValue(), (int) HORIZON.defaultValue(), (int) REAL_PATHS.defaultValue(),
                (int) HIDDEN_UNITS.defaultValue(), (int) MAX_POLICY_ITERATIONS.defaultValue(), DELTA.defaultValue());
    }

    /**
     * The model-free TRPO baseline with the same policy, optimiser and evaluation, sampling
     * {@value #MODEL_FREE_PATHS} real trajectories per iteration.
     */
    public MeTrpoSettings asModelFree(int budget) {
        return new MeTrpoSettings(system, members, budget, true, seed, rolloutMode, MODEL_FREE_PATHS, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withSystem(ControlSystem s) {
        return new MeTrpoSettings(s, members, realSteps, modelFree, seed, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withMembers(int k) {
        return new MeTrpoSettings(system, k, realSteps, modelFree, seed, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withRealSteps(int n) {
        return new MeTrpoSettings(system, members, n, modelFree, seed, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withSeed(long s) {
        return new MeTrpoSettings(system, members, realSteps, modelFree, s, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withRolloutMode(RolloutMode m) {
        return new MeTrpoSettings(system, members, realSteps, modelFree, seed, m, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withImaginedPaths(int p) {
        return new MeTrpoSettings(system, members, realSteps, modelFree, seed, rolloutMode, p, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, delta);
    }

    public MeTrpoSettings withMaxPolicyIterations(int n) {
        return new MeTrpoSettings(system, members, realSteps, modelFree, seed, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, n, delta);
    }

    public MeTrpoSettings withDelta(double d) {
        return new MeTrpoSettings(system, members, realSteps, modelFree, seed, rolloutMode, imaginedPaths, horizon,
                realPathsPerIteration, hiddenUnits, maxPolicyIterations, d);
    }

    /** The numeric settings, for sliders and range messages. */
    public static List<ParameterSpec> specs() {
        return List.of(MEMBERS, REAL_STEPS, IMAGINED_PATHS, HORIZON, REAL_PATHS, HIDDEN_UNITS, MAX_POLICY_ITERATIONS,
                DELTA);
    }
}
