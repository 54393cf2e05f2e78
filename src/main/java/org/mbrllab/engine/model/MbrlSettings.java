package org.mbrllab.engine.model;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * Everything a model-based planning loop ({@link ModelBasedPlanning}) is run with. The compact
 * constructor checks every number against its spec and names the value and the allowed range.
 *
 * @param system         the real system: the pendulum (swing-up) or the cartpole (balance)
 * @param version        V1 … V4
 * @param episodes       planning episodes (the random-policy data come before the first)
 * @param members        K; V1 and V2 fit one network whatever this says
 * @param seed           seeds everything: resets, random actions, weights, resamples, planners, member draws
 * @param horizon        H, the planner's look-ahead in steps
 * @param planner        CEM or random shooting (iLQR needs derivatives the learned model does not give)
 * @param samples        sequences per CEM iteration or per shooting plan
 * @param cemIterations  CEM refits per plan
 * @param randomEpisodes episodes of the random policy π₀ collected before anything is fitted
 * @param hiddenUnits    units in each of the two hidden layers of every network
 * @param maxEpochs      most epochs per fit (early stopping usually ends it before)
 * @param rolloutMode    how V3 and V4 use the ensemble when planning; the course samples one member
 *                       per plan ({@link RolloutMode#ONE_MEMBER})
 * @param evalStarts     E: after every planning episode, the planner is also run from the first E of
 *                       {@link ModelBasedPlanning#fixedStarts} with the same model, so that a bad start
 *                       can be told from a bad model; 0 turns this off. These episodes add nothing to D.
 */
public record MbrlSettings(ControlSystem system, Version version, int episodes, int members, long seed, int horizon,
                           PlannerKind planner, int samples, int cemIterations, int randomEpisodes, int hiddenUnits,
                           int maxEpochs, RolloutMode rolloutMode, int evalStarts) {

    public static final ParameterSpec EPISODES = ParameterSpec.whole("episodes", "episodes", 1, 1000, 15,
            "Planning episodes after the random-policy data.");
    public static final ParameterSpec HORIZON = ParameterSpec.whole("horizon", "horizon H (steps)", 1, 200, 25,
            "Steps the planner looks ahead through the learned model.");
    public static final ParameterSpec SAMPLES = ParameterSpec.whole("samples", "samples per plan", 2, 10_000, 200,
            "Action sequences the planner tries per CEM iteration (or per plan, for random shooting).");
    public static final ParameterSpec CEM_ITERATIONS = ParameterSpec.whole("cem_iterations", "CEM iterations", 1, 50,
            4, "How often CEM refits its sampling distribution per plan.");
    public static final ParameterSpec RANDOM_EPISODES = ParameterSpec.whole("random_episodes", "random episodes", 1,
            100, 1, "Episodes of uniformly random actions collected before the first fit (step 1 of every version).");
    public static final ParameterSpec HIDDEN_UNITS = ParameterSpec.whole("hidden_units", "units per layer", 4, 512, 64,
            "Width of each of the two hidden layers of every network.");
    public static final ParameterSpec MAX_EPOCHS = ParameterSpec.whole("max_epochs", "most epochs per fit", 1, 10_000,
            60, "A fit stops here even if the held-out loss is still falling.");
    /**
     * E, the fixed starts every planning episode is evaluated from. Three: each costs as much planning as
     * a training episode (for V4, 200 plans), so three quadruple the planning time of a V4 run; fewer
     * than three cannot tell one unlucky start from a bad model.
     */
    public static final ParameterSpec EVAL_STARTS = ParameterSpec.whole("eval_starts", "fixed evaluation starts", 0,
            10, 3, "After every episode, run the planner with the same model from this many fixed start states "
                    + "(the same for every version, seed and episode; their data are not kept). 0: off.");

    public MbrlSettings {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(rolloutMode, "rolloutMode");
        if (planner == PlannerKind.ILQR) {
            throw new IllegalArgumentException("the learned model gives no derivatives; plan with cem or shooting");
        }
        EPISODES.validate(episodes);
        EnsembleConfig.MEMBERS.validate(members);
        HORIZON.validate(horizon);
        SAMPLES.validate(samples);
        CEM_ITERATIONS.validate(cemIterations);
        RANDOM_EPISODES.validate(randomEpisodes);
        HIDDEN_UNITS.validate(hiddenUnits);
        MAX_EPOCHS.validate(maxEpochs);
        EVAL_STARTS.validate(evalStarts);
    }

    /** The defaults for {@code system} and {@code version}: 15 episodes, K = 5, CEM 200 × 4, H = 25, seed 0,
     * 3 fixed evaluation starts. */
    public static MbrlSettings defaults(ControlSystem system, Version version) {
        return new MbrlSettings(system, version, (int) EPISODES.defaultValue(), (int) EnsembleConfig.MEMBERS.defaultValue(),
                0, (int) HORIZON.defaultValue(), PlannerKind.CEM, (int) SAMPLES.defaultValue(),
                (int) CEM_ITERATIONS.defaultValue(), (int) RANDOM_EPISODES.defaultValue(),
                (int) HIDDEN_UNITS.defaultValue(), (int) MAX_EPOCHS.defaultValue(), RolloutMode.ONE_MEMBER,
                (int) EVAL_STARTS.defaultValue());
    }

    public static List<ParameterSpec> specs() {
        return List.of(EPISODES, EnsembleConfig.MEMBERS, HORIZON, SAMPLES, CEM_ITERATIONS, RANDOM_EPISODES,
                HIDDEN_UNITS, MAX_EPOCHS, EVAL_STARTS);
    }

    /** K as fitted: 1 for V1 and V2, {@link #members()} for V3 and V4. */
    public int fittedMembers() {
        return version.usesEnsemble() ? members : 1;
    }

    /** Steps per episode: 200 for both systems (10 s of pendulum, 4 s of cartpole). */
    public int episodeSteps() {
        return EPISODE_STEPS;
    }

    /** Pendulum-v1's time limit, used for the cartpole too. */
    public static final int EPISODE_STEPS = 200;

    public MbrlSettings withVersion(Version v) {
        return new MbrlSettings(system, v, episodes, members, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withEpisodes(int e) {
        return new MbrlSettings(system, version, e, members, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withMembers(int k) {
        return new MbrlSettings(system, version, episodes, k, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withSeed(long s) {
        return new MbrlSettings(system, version, episodes, members, s, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withPlanner(PlannerKind kind, int h, int n, int iterations) {
        return new MbrlSettings(system, version, episodes, members, seed, h, kind, n, iterations, randomEpisodes,
                hiddenUnits, maxEpochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withRolloutMode(RolloutMode mode) {
        return new MbrlSettings(system, version, episodes, members, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, mode, evalStarts);
    }

    public MbrlSettings withTraining(int units, int epochs) {
        return new MbrlSettings(system, version, episodes, members, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, units, epochs, rolloutMode, evalStarts);
    }

    public MbrlSettings withEvalStarts(int e) {
        return new MbrlSettings(system, version, episodes, members, seed, horizon, planner, samples, cemIterations,
                randomEpisodes, hiddenUnits, maxEpochs, rolloutMode, e);
    }

    /** The course's four versions of model-based planning. */
    public enum Version {
        /** Random data, fit one model once, plan with it. */
        V1("V1: fit once"),
        /** As V1, but refit on all the data after every episode. */
        V2("V2: refit on aggregated data"),
        /** An ensemble, refit every episode; every plan samples a member. */
        V3("V3: ensemble"),
        /** V3 plus MPC: execute only the first planned action, then replan. */
        V4("V4: ensemble + MPC");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        /** Whether the model is refitted after every episode on all data so far (all but V1). */
        public boolean refits() {
            return this != V1;
        }

        /** Whether K networks are fitted (V3, V4). */
        public boolean usesEnsemble() {
            return this == V3 || this == V4;
        }

        /** Whether only the first planned action is executed before replanning (V4). */
        public boolean replansEveryStep() {
            return this == V4;
        }

        /** "v1" … "v4", as on the command line. */
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Version fromCliName(String name) {
            for (Version v : values()) if (v.cliName().equals(name)) return v;
            throw new IllegalArgumentException("unknown version '" + name + "' (versions: v1, v2, v3, v4)");
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
