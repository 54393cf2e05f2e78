package org.mbrllab.engine.dreamer;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.CemPlanner;
import org.mbrllab.engine.control.Mpc;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.Planner;
import org.mbrllab.engine.core.Check;

/**
 * Control from pixels by planning in the world model's latent space, as PlaNet does (Hafner et al. 2019,
 * Algorithm 1, "planning"): no actor, only the world model and the MPC lesson's {@link CemPlanner}.
 *
 * <h2>Each real step</h2>
 * <ol>
 *   <li><b>Filter.</b> The frame o_t and the torque taken before it update the posterior state:
 *       s_t = q(s_t | s_{t−1}, u_{t−1}, o_t) ({@link FrozenRssm#observe}, z its mean; s_0 from o_0 alone).</li>
 *   <li><b>Plan.</b> CEM searches H torques from s_t through the prior ({@link LatentDynamics}), maximising the
 *       predicted return Σ r̂; its mean starts at the last plan shifted by one step (0 at an episode's start).</li>
 *   <li><b>Act.</b> The first torque of the plan is applied, rounded to float as {@link PixelEpisodes} acts.</li>
 * </ol>
 * The policy keeps its filter state and its plan between frames and starts afresh every
 * {@value PixelEpisodes#STEPS} frames (one episode), so one instance plays any number of episodes of
 * {@link PixelEpisodes#collect} in turn. CEM's sampling is seeded by {@link Settings#seed}; the random generator
 * {@code collect} passes in is not used. Confined to one thread.
 */
public final class PlanetPolicy implements PixelEpisodes.Policy {

    /**
     * CEM's numbers per real step. PlaNet uses H = 12, 1000 candidates, 100 elites and 10 iterations.
     *
     * @param horizon    H, torques planned ahead, 1 to 100
     * @param samples    candidates per CEM iteration, 2 to 100 000
     * @param elites     the best candidates the Gaussian is refitted to, 1 to {@code samples}
     * @param iterations CEM iterations per real step, 1 to 100
     * @param seed       seeds CEM's sampling
     */
    public record Settings(int horizon, int samples, int elites, int iterations, long seed) {
        /** The most steps planned ahead: the length of an episode. */
        public static final int MAX_HORIZON = PixelEpisodes.STEPS;

        public Settings {
            Check.inRange("horizon", horizon, 1, MAX_HORIZON);
            MpcSettings.SAMPLES.validate(samples);
            Check.inRange("elites", elites, 1, samples);
            MpcSettings.CEM_ITERATIONS.validate(iterations);
        }

        /**
         * PlaNet's horizon with a tenth of its search: H = 12, 100 candidates, 10 elites, 5 iterations (6,000
         * imagined steps per real step instead of 120,000), seed 0.
         */
        public static Settings defaults() {
            return new Settings(12, 100, 10, 5, 0);
        }
    }

    private final FrozenRssm model;
    private final LatentDynamics dynamics;
    private final CemPlanner planner;
    private FrozenRssm.State state;
    private double previous;
    private double[] plan;
    private double lastPredictedReturn = Double.NaN;
    private long seen;

    public PlanetPolicy(FrozenRssm model, Settings settings) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(settings, "settings");
        this.dynamics = new LatentDynamics(model);
        this.planner = new CemPlanner(dynamics, dynamics.cost(), settings.horizon(), settings.samples(),
                settings.elites(), settings.iterations(), settings.seed());
    }

    @Override
    public double torque(float[] frame, RandomGenerator random) {
        if (seen % PixelEpisodes.STEPS == 0) {
            state = null;
            plan = null;
            previous = 0;
        }
        seen++;
        // 1. Filter the frame into the posterior state.
        state = model.observe(state, previous, frame, null);
        // 2. Plan from it, warm-started from the last plan shifted by one step.
        Planner.Plan p = planner.plan(dynamics.state(state), plan == null ? null : Mpc.shift(plan));
        plan = p.actions();
        lastPredictedReturn = -p.predicted().cost();
        // 3. Act with the first torque.
        previous = (float) plan[0];
        return previous;
    }

    /**
     * The predicted return of the last plan, Σ_{t=0}^{H} r̂(x_t) (r̂(x_0) the filtered state's own prediction of
     * the reward just earned); NaN before the first frame.
     */
    public double lastPredictedReturn() {
        return lastPredictedReturn;
    }
}
