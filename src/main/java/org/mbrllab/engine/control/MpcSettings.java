package org.mbrllab.engine.control;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * What a student chooses for MPC. Only the fields of the chosen planner matter.
 *
 * @param horizon        H, steps planned ahead at every replan
 * @param planner        which planner replans
 * @param samples        control sequences sampled per replan (shooting) or per CEM iteration
 * @param elites         CEM: the best sequences refit the sampling distribution; at most {@code samples}
 * @param cemIterations  CEM: refits per replan
 * @param ilqrIterations iLQR: iterations per replan at most (warm-started, it usually needs few)
 * @param seed           seeds the sampling planners
 */
public record MpcSettings(int horizon, PlannerKind planner, int samples, int elites, int cemIterations,
                          int ilqrIterations, long seed) {

    /**
     * Defaults, as compile-time constants so that help texts can quote them. H = 50 (1 s of cartpole): at
     * H = 30, with the default cost and no terminal cost, every planner lets the cartpole's cart run off
     * within 10 s (the plan cannot see far enough to pay for bringing it back), while at H = 50 all three
     * keep the pole up, with or without a 1.3 model error.
     */
    public static final int DEFAULT_HORIZON = 50, DEFAULT_SAMPLES = 500, DEFAULT_ELITES = 50, DEFAULT_CEM_ITERATIONS = 5,
            DEFAULT_ILQR_ITERATIONS = 10;

    public static final ParameterSpec HORIZON = ParameterSpec.whole("mpc_horizon", "horizon H (steps)", 1, 500,
            DEFAULT_HORIZON,
            "How many steps ahead every replan looks.");
    public static final ParameterSpec SAMPLES = ParameterSpec.whole("samples", "samples", 2, 100_000, DEFAULT_SAMPLES,
            "Random control sequences tried per replan (shooting) or per CEM iteration.");
    public static final ParameterSpec ELITES = ParameterSpec.whole("elites", "elites", 1, 10_000, DEFAULT_ELITES,
            "CEM refits its sampling distribution to this many best sequences.");
    public static final ParameterSpec CEM_ITERATIONS = ParameterSpec.whole("cem_iterations", "CEM iterations", 1, 100,
            DEFAULT_CEM_ITERATIONS, "How often CEM samples and refits per replan.");
    public static final ParameterSpec ILQR_ITERATIONS = ParameterSpec.whole("ilqr_iterations", "iLQR iterations",
            1, 1000, DEFAULT_ILQR_ITERATIONS, "Most iLQR iterations per replan, starting from the previous plan shifted by one step.");

    public MpcSettings {
        HORIZON.validate(horizon);
        Objects.requireNonNull(planner, "planner");
        SAMPLES.validate(samples);
        ELITES.validate(elites);
        CEM_ITERATIONS.validate(cemIterations);
        ILQR_ITERATIONS.validate(ilqrIterations);
        if (elites > samples) {
            throw new IllegalArgumentException("elites = " + elites + " must not exceed samples = " + samples);
        }
    }

    /** H = 50 with iLQR; 500 samples, 50 elites, 5 CEM iterations; 10 iLQR iterations; seed 0. */
    public static MpcSettings defaults() {
        return new MpcSettings((int) HORIZON.defaultValue(), PlannerKind.ILQR, (int) SAMPLES.defaultValue(),
                (int) ELITES.defaultValue(), (int) CEM_ITERATIONS.defaultValue(), (int) ILQR_ITERATIONS.defaultValue(), 0);
    }

    public static List<ParameterSpec> specs() {
        return List.of(HORIZON, SAMPLES, ELITES, CEM_ITERATIONS, ILQR_ITERATIONS);
    }

    public MpcSettings withHorizon(int h) {
        return new MpcSettings(h, planner, samples, elites, cemIterations, ilqrIterations, seed);
    }

    public MpcSettings withPlanner(PlannerKind p) {
        return new MpcSettings(horizon, p, samples, elites, cemIterations, ilqrIterations, seed);
    }

    public MpcSettings withSampling(int newSamples, int newElites, int newCemIterations) {
        return new MpcSettings(horizon, planner, newSamples, newElites, newCemIterations, ilqrIterations, seed);
    }

    public MpcSettings withIlqrIterations(int n) {
        return new MpcSettings(horizon, planner, samples, elites, cemIterations, n, seed);
    }

    public MpcSettings withSeed(long s) {
        return new MpcSettings(horizon, planner, samples, elites, cemIterations, ilqrIterations, s);
    }
}
