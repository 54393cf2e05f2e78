package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;

/** Shared helpers for the dynamic-programming tests. */
final class DpTesting {
    private DpTesting() {}

    static GridLayout preset(String name) {
        try {
            return GridPresets.load(name);
        } catch (LayoutException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static GridWorld world(String preset) {
        return new GridWorld(preset(preset));
    }

    static DpSolver solver(Algorithm algorithm, GridWorld world) {
        return DpSolver.create(algorithm, world, DpSettings.defaults());
    }

    static DpSolver solver(Algorithm algorithm, GridWorld world, DpSettings settings) {
        return DpSolver.create(algorithm, world, settings);
    }

    /**
     * Asserts that {@code actual} matches a figure printed to one decimal: within 0.05 (plus rounding
     * slack), since the book sometimes truncates (−1.75 is printed −1.7 in Figure 4.1).
     */
    static void assertPrinted(double[] printed, double[] actual, int cols, String figure) {
        assertEquals(printed.length, actual.length, figure + ": number of cells");
        for (int s = 0; s < printed.length; s++) {
            assertEquals(printed[s], actual[s], 0.05 + 1e-9,
                    figure + " at (" + s / cols + ", " + s % cols + ")");
        }
    }

    /** A random layout: walls, pits and goals sprinkled over an empty grid, never on (0, 0). */
    static GridLayout randomLayout(int rows, int cols, double slip, double gamma, long seed) {
        RandomGenerator rng = Seeds.random(seed);
        GridWorldParams params = new GridWorldParams(gamma, slip, -0.04, -0.5, 1, -1);
        GridLayout layout = GridLayout.empty(rows, cols, params);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 && c == 0) continue;
                double u = rng.nextDouble();
                if (u < 0.15) layout = layout.withCell(r, c, GridLayout.Cell.wall());
                else if (u < 0.20) layout = layout.withCell(r, c, GridLayout.Cell.pit());
                else if (u < 0.22) layout = layout.withCell(r, c, GridLayout.Cell.goal());
            }
        }
        return layout.withCell(rows - 1, cols - 1, GridLayout.Cell.goal());
    }

    /** max over backed-up s of |max_a q(s, a) − V(s)|: how far V is from satisfying Bellman optimality. */
    static double bellmanOptimalityResidual(TabularMdp mdp, double[] values) {
        double[] v = values.clone();
        for (int s = 0; s < v.length; s++) if (Double.isNaN(v[s])) v[s] = 0;
        double worst = 0;
        for (int s = 0; s < mdp.states(); s++) {
            if (!mdp.backedUp(s)) continue;
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < mdp.actions(); a++) best = Math.max(best, mdp.q(s, a, v));
            worst = Math.max(worst, Math.abs(best - v[s]));
        }
        return worst;
    }
}
