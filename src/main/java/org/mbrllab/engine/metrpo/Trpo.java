package org.mbrllab.engine.metrpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * TRPO's policy iteration on any simulator, real or learned (Schulman et al. 2015, Algorithm 1 with
 * single-path sampling):
 * <ol>
 *   <li>roll out {@code paths} trajectories of the current stochastic policy, T steps each;</li>
 *   <li>estimate Â by GAE(γ, λ) with the linear baseline ({@link Advantages});</li>
 *   <li>take one trust-region step ({@link TrustRegion#update}) on all their samples.</li>
 * </ol>
 * Model-free TRPO runs it on the real system; ME-TRPO runs it on imagined rollouts through the ensemble.
 * The policy and the baseline see {@link Simulator#observe observations} of the states.
 */
public final class Trpo {

    /** What a policy acts in: the real system, or a learned model of it. */
    public interface Simulator {
        int stateSize();

        int actionSize();

        /** A start state, from the real start distribution. */
        double[] reset(RandomGenerator rng);

        /** The next state after {@code a} in {@code s}; {@code rng} picks an ensemble member where there is one. */
        double[] next(double[] s, double[] a, RandomGenerator rng);

        /** The reward of {@code a} in {@code s}. */
        double reward(double[] s, double[] a);

        /**
         * What the policy sees of {@code s}: by default s itself; the pendulum shows (cos θ, sin θ, θ̇), as
         * Gymnasium observes it, so that θ and θ + 2π look the same.
         */
        default double[] observe(double[] s) {
            return s;
        }

        /** Length of {@link #observe}'s vector: the policy's input size. */
        default int observationSize() {
            return stateSize();
        }
    }

    /**
     * @param gamma   discount γ, in (0, 1]
     * @param lambda  GAE's λ, in [0, 1]
     * @param delta   the trust region's KL̄ bound δ, > 0
     * @param paths   trajectories per iteration, ≥ 1
     * @param horizon steps per trajectory, ≥ 1
     */
    public record Settings(double gamma, double lambda, double delta, int paths, int horizon) {
        public Settings {
            if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("γ = " + gamma + " is out of range: allowed (0, 1]");
            if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("λ = " + lambda + " is out of range: allowed [0, 1]");
            if (!(delta > 0)) throw new IllegalArgumentException("δ = " + delta + " is out of range: allowed > 0");
            if (paths < 1) throw new IllegalArgumentException("paths = " + paths + " is out of range: allowed ≥ 1");
            if (horizon < 1) throw new IllegalArgumentException("horizon = " + horizon + " is out of range: allowed ≥ 1");
        }
    }

    /** What one iteration did: the mean return of its paths and the trust-region step. */
    public record Iteration(double meanReturn, TrustRegion.Step step, int samples) {}

    private Trpo() {}

    /** One iteration of {@code policy} (updated in place) in {@code simulator}. */
    public static Iteration iterate(GaussianMlpPolicy policy, Simulator simulator, Settings settings, RandomGenerator rng) {
        Objects.requireNonNull(policy, "policy");
        // 1. Rollouts.
        List<Advantages.Path> paths = new ArrayList<>();
        List<double[]> actions = new ArrayList<>();
        double returns = 0;
        for (int p = 0; p < settings.paths(); p++) {
            double[][] states = new double[settings.horizon()][];
            double[] rewards = new double[settings.horizon()];
            double[] s = simulator.reset(rng);
            for (int t = 0; t < settings.horizon(); t++) {
                double[] o = simulator.observe(s);
                double[] a = policy.sample(o, rng);
                states[t] = o;
                rewards[t] = simulator.reward(s, a);
                actions.add(a);
                s = simulator.next(s, a, rng);
                returns += rewards[t];
            }
            paths.add(new Advantages.Path(states, rewards));
        }
        // 2. Advantages, standardised as the TRPO code does (center_adv).
        double[][] adv = Advantages.estimate(paths, settings.gamma(), settings.lambda());
        int n = settings.paths() * settings.horizon();
        double[][] allStates = new double[n][];
        double[] allAdv = new double[n];
        int i = 0;
        for (int p = 0; p < paths.size(); p++) {
            for (int t = 0; t < settings.horizon(); t++, i++) {
                allStates[i] = paths.get(p).states()[t];
                allAdv[i] = adv[p][t];
            }
        }
        standardise(allAdv);
        // 3. The trust-region step.
        PolicyBatch batch = PolicyBatch.of(policy, allStates, actions.toArray(double[][]::new), allAdv);
        TrustRegion.Step step = TrustRegion.update(policy, batch, settings.delta());
        return new Iteration(returns / settings.paths(), step, n);
    }

    private static void standardise(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / x.length) + 1e-8;
        for (int k = 0; k < x.length; k++) x[k] = (x[k] - mean) / sd;
    }
}
