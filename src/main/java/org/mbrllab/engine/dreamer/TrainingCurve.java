package org.mbrllab.engine.dreamer;

import java.util.List;
import java.util.Optional;

/**
 * How an agent's real return grew while it trained: (environment steps, return) after each evaluated
 * episode, and what a random policy returns on the same task, as Dreamer's learning curves show them (Hafner
 * et al. 2020, figure 6, against environment steps). A {@link DreamerNetworks} file may carry one as a section
 * named {@value #SECTION} of three arrays: [env steps …], [returns …] (as many) and [random-policy return]
 * (one value).
 *
 * @param envSteps     agent steps in the real environment when each return was measured, never decreasing, each ≥ 0
 * @param returns      the real episode returns, as many, each finite
 * @param randomReturn the mean return of uniformly random torques
 */
public record TrainingCurve(double[] envSteps, double[] returns, double randomReturn) {
    /** The section of a network file holding the curve. */
    public static final String SECTION = "curve";

    public TrainingCurve {
        if (envSteps.length != returns.length) {
            throw new IllegalArgumentException(envSteps.length + " step counts but " + returns.length + " returns; they go in pairs");
        }
        for (int i = 0; i < envSteps.length; i++) {
            if (!(envSteps[i] >= 0) || Double.isInfinite(envSteps[i]) || (i > 0 && envSteps[i] < envSteps[i - 1])) {
                throw new IllegalArgumentException("envSteps[" + i + "] = " + envSteps[i] + ": finite, at least 0 and never decreasing");
            }
            if (!Double.isFinite(returns[i])) throw new IllegalArgumentException("returns[" + i + "] = " + returns[i] + ": must be finite");
        }
        if (!Double.isFinite(randomReturn)) throw new IllegalArgumentException("randomReturn = " + randomReturn + ": must be finite");
        envSteps = envSteps.clone();
        returns = returns.clone();
    }

    @Override
    public double[] envSteps() {
        return envSteps.clone();
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    /** Points on the curve. */
    public int points() {
        return envSteps.length;
    }

    /**
     * The curve a network file carries.
     *
     * @return empty when the file has no {@value #SECTION} section
     * @throws IllegalArgumentException when the section is not three arrays of the shape the class comment gives
     */
    public static Optional<TrainingCurve> of(DreamerNetworks networks) {
        Optional<DreamerNetworks.Section> s = networks.sections().stream().filter(x -> x.name().equals(SECTION)).findFirst();
        if (s.isEmpty()) return Optional.empty();
        List<float[]> a = s.get().arrays();
        if (a.size() != 3) throw new IllegalArgumentException("section \"" + SECTION + "\" has " + a.size() + " arrays, expected 3");
        if (a.get(2).length != 1) {
            throw new IllegalArgumentException("section \"" + SECTION + "\": the random policy's return is " + a.get(2).length
                    + " values, expected 1");
        }
        return Optional.of(new TrainingCurve(doubles(a.get(0)), doubles(a.get(1)), a.get(2)[0]));
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
