package org.mbrllab.engine.mcts;

import java.util.random.RandomGenerator;

/**
 * Dirichlet noise on the root's priors, AlphaZero's exploration during self-play (Silver et al. 2017,
 * "Mastering the game of Go without human knowledge", Methods, "Self-play"; Silver et al. 2018, "A
 * general reinforcement learning algorithm that masters chess, shogi and Go through self-play"):
 * <pre>
 *   P(root, a) = (1 − ε)·p_a + ε·η_a,     η ~ Dir(α) over the legal moves at the root
 * </pre>
 * where p is the evaluator's prior. The papers use ε = 0.25 and α = 0.3 (chess), 0.15 (shogi), 0.03 (Go),
 * α roughly inversely proportional to the number of legal moves; tic-tac-toe, with at most 9, takes a
 * larger α. {@link #OFF} (ε = 0) leaves the priors as they are, and is what every search starts with.
 * Only the root is perturbed; with plain rollouts (no priors) the noise has nothing to act on.
 *
 * @param alpha  the Dirichlet concentration α, in (0, 100]
 * @param weight the mixing weight ε, in [0, 1]; 0 turns the noise off
 */
public record RootNoise(double alpha, double weight) {

    /** No noise: the priors are the evaluator's. */
    public static final RootNoise OFF = new RootNoise(1, 0);

    public RootNoise {
        if (!(alpha > 0 && alpha <= 100)) throw new IllegalArgumentException("Dirichlet alpha " + alpha + " is out of range: allowed (0, 100]");
        if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException("noise weight " + weight + " is out of range: allowed [0, 1]");
    }

    /** Whether the noise changes anything. */
    public boolean isOn() {
        return weight > 0;
    }

    /**
     * Mixes noise into {@code priors} over the moves of {@code legal}: {@code out[a] = (1 − ε)·priors[a] +
     * ε·η_a}. Entries of illegal moves are left alone. η is drawn as independent Gamma(α, 1) variables
     * divided by their sum.
     */
    public void mix(double[] priors, int legal, RandomGenerator rng, double[] out) {
        int k = Integer.bitCount(legal);
        double[] eta = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            eta[i] = gamma(alpha, rng);
            sum += eta[i];
        }
        int i = 0;
        for (int rest = legal; rest != 0; rest &= rest - 1, i++) {
            int m = Integer.numberOfTrailingZeros(rest);
            double noise = sum > 0 ? eta[i] / sum : 1.0 / k;
            out[m] = (1 - weight) * priors[m] + weight * noise;
        }
    }

    /**
     * A Gamma(α, 1) draw (Marsaglia &amp; Tsang 2000, "A simple method for generating gamma variables";
     * for α &lt; 1 their boost: Gamma(α + 1)·U^{1/α}).
     */
    static double gamma(double alpha, RandomGenerator rng) {
        if (alpha < 1) {
            double u = rng.nextDouble();
            return gamma(alpha + 1, rng) * Math.pow(u, 1 / alpha);
        }
        double d = alpha - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
