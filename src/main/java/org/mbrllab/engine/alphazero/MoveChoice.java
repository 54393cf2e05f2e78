package org.mbrllab.engine.alphazero;

import java.util.random.RandomGenerator;

/**
 * The move AlphaZero plays from the root visit counts, with a temperature τ (Silver et al. 2017, Methods,
 * "Play"):
 * <pre>
 *   π(a) ∝ N(root, a)^{1/τ}
 * </pre>
 * τ = 1 draws in proportion to the visits (self-play's opening plies); τ → 0 plays the most visited move
 * (τ = 0 here means exactly that, ties to the lower move index); τ &gt; 1 flattens the choice.
 */
public final class MoveChoice {
    private MoveChoice() {}

    /** Largest temperature accepted. */
    public static final double MAX_TEMPERATURE = 100;

    /**
     * A move from the root visits ({@code −1} marks an illegal move, as in
     * {@link org.mbrllab.engine.mcts.Mcts#rootVisits()}).
     *
     * @param temperature τ in [0, {@value #MAX_TEMPERATURE}]
     * @throws IllegalStateException when no legal move has a visit
     */
    public static int choose(int[] visits, double temperature, RandomGenerator rng) {
        if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature " + temperature + " is out of range: allowed [0, " + MAX_TEMPERATURE + "]");
        }
        int best = -1;
        for (int a = 0; a < visits.length; a++) if (visits[a] > 0 && (best < 0 || visits[a] > visits[best])) best = a;
        if (best < 0) throw new IllegalStateException("no visits at the root");
        if (temperature == 0) return best;
        // Weights (N / N_max)^{1/τ}, scaled by the largest count so that small τ cannot overflow.
        double[] weight = new double[visits.length];
        double total = 0;
        for (int a = 0; a < visits.length; a++) {
            if (visits[a] <= 0) continue;
            weight[a] = Math.pow((double) visits[a] / visits[best], 1 / temperature);
            total += weight[a];
        }
        double r = rng.nextDouble() * total;
        for (int a = 0; a < visits.length; a++) {
            if (weight[a] == 0) continue;
            r -= weight[a];
            if (r < 0) return a;
        }
        return best;
    }
}
