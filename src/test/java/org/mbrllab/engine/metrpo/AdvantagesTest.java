package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GAE and the linear baseline on paths whose answers are known in closed form. */
class AdvantagesTest {

    @Test
    void discountedReturnsSumTheRewardsAhead() {
        // γ = 0.5: g_2 = 4, g_1 = 2 + 0.5·4 = 4, g_0 = 1 + 0.5·4 = 3.
        assertArrayEquals(new double[] {3, 4, 4}, Advantages.discountedReturns(new double[] {1, 2, 4}, 0.5), 1e-12);
    }

    /**
     * When the baseline fits the returns, every δ_t is 0 and so is Â. A reward of 1 per step on a path of
     * length 200 with γ = 1 has return-to-go 200 − t = 200 − 100 (t/100), which the features hold; only the
     * ridge of 10⁻⁵ keeps the fit from being exact, by less than 10⁻³.
     */
    @Test
    void aBaselineThatFitsTheReturnsLeavesNoAdvantage() {
        double[][] states = new double[200][1];
        double[] rewards = new double[200];
        java.util.Arrays.fill(rewards, 1);
        double[][] adv = Advantages.estimate(List.of(new Advantages.Path(states, rewards)), 1.0, 0.97);
        for (double a : adv[0]) assertEquals(0, a, 1e-3);
    }

    /**
     * With λ = 1, Â_t = Σ γ^l r_{t+l} − V(s_t) whatever V is (the sum telescopes); two paths from different
     * states make a baseline that cannot fit both exactly, and the identity still holds.
     */
    @Test
    void withLambdaOneTheAdvantageIsTheReturnMinusTheBaseline() {
        double gamma = 0.9;
        Advantages.Path a = new Advantages.Path(new double[][] {{0.3}, {1.1}, {-0.4}}, new double[] {1, 0, 2});
        Advantages.Path b = new Advantages.Path(new double[][] {{-1.0}, {0.2}, {0.7}}, new double[] {0, 3, -1});
        List<Advantages.Path> paths = List.of(a, b);
        double[] w = Advantages.fitBaseline(paths, gamma);
        double[][] adv = Advantages.estimate(paths, gamma, 1.0);
        for (int p = 0; p < 2; p++) {
            Advantages.Path path = paths.get(p);
            double[] g = Advantages.discountedReturns(path.rewards(), gamma);
            for (int t = 0; t < path.length(); t++) {
                double v = 0;
                double[] f = Advantages.features(path.states()[t], t);
                for (int i = 0; i < f.length; i++) v += f[i] * w[i];
                assertEquals(g[t] - v, adv[p][t], 1e-9, "path " + p + ", t = " + t);
            }
        }
    }
}
