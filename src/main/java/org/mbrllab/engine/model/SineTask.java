package org.mbrllab.engine.model;

import java.util.List;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.Activation;

/**
 * The lesson's 1-D regression task: y = sin(x) + ε with ε ~ N(0, noise²), and x uniform on [−4, 4]
 * except a gap [gapStart, gapEnd] where there are no data. The noise is aleatoric uncertainty (more data
 * do not remove it); the gap is where epistemic uncertainty lives (more data there would).
 *
 * @param points   how many (x, y) pairs
 * @param noise    the standard deviation of ε, ≥ 0
 * @param gapStart start of the empty interval, in [−4, 4]
 * @param gapEnd   end of the empty interval, in [gapStart, 4]; gapStart = gapEnd means no gap. The gap
 *                 may not cover the whole of [−4, 4].
 * @param seed     the seed of the x draws and of the noise
 */
public record SineTask(int points, double noise, double gapStart, double gapEnd, long seed) {

    public static final double X_MIN = -4;
    public static final double X_MAX = 4;

    /**
     * β of {@link #defaultConfig}: the weight of each member's random prior network. Without one (β = 0)
     * the members agree on one wrong curve across a gap; see {@link org.mbrllab.engine.nn.EnsembleNetwork}.
     */
    public static final double PRIOR_SCALE = 10;

    public static final ParameterSpec POINTS = ParameterSpec.whole("points", "data points", 2, 100_000, 200,
            "How many (x, y) pairs are drawn.");
    public static final ParameterSpec NOISE = ParameterSpec.real("noise", "noise σ (aleatoric)", 0, 2, 0.1,
            "Standard deviation of the Gaussian noise added to sin(x): uncertainty that more data cannot remove.");
    public static final ParameterSpec GAP = ParameterSpec.real("gap", "gap edge", X_MIN, X_MAX, 0,
            "An edge of the interval without data: uncertainty that data there would remove.");

    public SineTask {
        POINTS.validate(points);
        NOISE.validate(noise);
        GAP.validate(gapStart);
        GAP.validate(gapEnd);
        Check.inRange("gap end", gapEnd, gapStart, X_MAX);
        if (gapEnd - gapStart >= X_MAX - X_MIN) {
            throw new IllegalArgumentException("the gap [" + gapStart + ", " + gapEnd + "] leaves no room for data in ["
                    + X_MIN + ", " + X_MAX + "]");
        }
    }

    /** No gap. */
    public static SineTask withoutGap(int points, double noise, long seed) {
        return new SineTask(points, noise, 0, 0, seed);
    }

    /** The noise-free target sin(x). */
    public static double truth(double x) {
        return Math.sin(x);
    }

    /** Whether x lies inside the gap (the open interval, so the edges still count as data). */
    public boolean inGap(double x) {
        return x > gapStart && x < gapEnd;
    }

    /**
     * The data: x drawn uniformly over [−4, 4] minus the gap (a uniform draw over the remaining length,
     * shifted past the gap when it falls beyond gapStart), then y = sin(x) + noise·N(0, 1).
     */
    public RegressionData sample() {
        RandomGenerator random = Seeds.random(seed);
        double gap = gapEnd - gapStart;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            double u = X_MIN + random.nextDouble() * (X_MAX - X_MIN - gap);
            x[i] = u < gapStart ? u : u + gap;
            y[i] = truth(x[i]) + noise * random.nextGaussian();
        }
        return RegressionData.ofColumns(x, y);
    }

    /** {@code count} evenly spaced x from {@code from} to {@code to} inclusive, as one-input points. */
    public static double[][] grid(double from, double to, int count) {
        if (count < 2) throw new IllegalArgumentException("a grid needs at least 2 points, got " + count);
        double[][] g = new double[count][];
        for (int i = 0; i < count; i++) g[i] = new double[] {from + (to - from) * i / (count - 1)};
        return g;
    }

    /**
     * A network and training schedule that suit this task: 2 × 64 units, ReLU (which extrapolates
     * linearly), Adam 3e-3, batch 64, 10 % held out with patience 100, bootstrap on, and a random prior
     * of weight {@link #PRIOR_SCALE} in every member, without which the members agree across a gap
     * ({@link EnsembleConfig#withPriorScale withPriorScale(0)} gives the plain ensemble).
     */
    public static EnsembleConfig defaultConfig(int members, MemberKind kind, int maxEpochs, long seed) {
        return new EnsembleConfig(members, 2, 64, Activation.RELU, kind, 3e-3, 64, maxEpochs, 0.1, 100, true, seed,
                PRIOR_SCALE);
    }

    /** The task's numeric settings, for sliders. */
    public static List<ParameterSpec> specs() {
        return List.of(POINTS, NOISE, GAP);
    }
}
