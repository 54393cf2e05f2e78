package org.mbrllab.engine.control;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * What a student chooses for iLQR. The algorithm's own constants (regularisation schedule, line search,
 * tolerances) are named constants in {@link Ilqr}.
 *
 * @param horizon       T, the number of controls optimised
 * @param maxIterations iterations per start before giving up
 * @param init          where the first start's controls come from; the other starts are always random
 * @param restarts      how many starts (multi-start); the cheapest result wins
 * @param seed          seeds every random start
 */
public record IlqrSettings(int horizon, int maxIterations, InitialControls init, int restarts, long seed) {

    /** The default horizon, as a compile-time constant so that help texts can quote it. */
    public static final int DEFAULT_HORIZON = 100;

    public static final ParameterSpec HORIZON = ParameterSpec.whole("horizon", "horizon T (steps)", 1, 2000, DEFAULT_HORIZON,
            "How many steps ahead iLQR optimises.");
    public static final ParameterSpec MAX_ITERATIONS = ParameterSpec.whole("max_iterations", "max iterations", 1,
            10_000, 200, "Iterations per start before iLQR gives up.");
    public static final ParameterSpec RESTARTS = ParameterSpec.whole("restarts", "starts", 1, 100, 1,
            "How many starts from different control sequences; the cheapest result wins.");

    public IlqrSettings {
        HORIZON.validate(horizon);
        MAX_ITERATIONS.validate(maxIterations);
        RESTARTS.validate(restarts);
        Objects.requireNonNull(init, "init");
    }

    /** T = 100, 200 iterations, zero controls, one start, seed 0. */
    public static IlqrSettings defaults() {
        return new IlqrSettings((int) HORIZON.defaultValue(), (int) MAX_ITERATIONS.defaultValue(), InitialControls.ZERO,
                (int) RESTARTS.defaultValue(), 0);
    }

    public static List<ParameterSpec> specs() {
        return List.of(HORIZON, MAX_ITERATIONS, RESTARTS);
    }

    public IlqrSettings withHorizon(int h) {
        return new IlqrSettings(h, maxIterations, init, restarts, seed);
    }

    public IlqrSettings withMaxIterations(int n) {
        return new IlqrSettings(horizon, n, init, restarts, seed);
    }

    public IlqrSettings withInit(InitialControls i) {
        return new IlqrSettings(horizon, maxIterations, i, restarts, seed);
    }

    public IlqrSettings withRestarts(int k) {
        return new IlqrSettings(horizon, maxIterations, init, k, seed);
    }

    public IlqrSettings withSeed(long s) {
        return new IlqrSettings(horizon, maxIterations, init, restarts, s);
    }
}
