package org.mbrllab.engine.dreamer;

import java.util.Objects;
import org.mbrllab.engine.control.BatchDynamics;
import org.mbrllab.engine.control.StageCost;

/**
 * The Dreamer world model as a model the MPC lesson's planners can plan with: PlaNet's latent planning
 * (Hafner et al. 2019, "Learning latent dynamics for planning from pixels", section 3), where CEM searches
 * over torque sequences imagined from the filtered state and prices them by the reward head alone.
 *
 * <h2>State, step and cost</h2>
 * <pre>
 *   x = [h, z]                 H + Z numbers (the RSSM's deterministic and stochastic state, float values)
 *   x_{t+1} = f̂(x_t, u_t)     h_{t+1} = GRU(h_t, [z_t, u_t/2]),  z_{t+1} = μ_p(h_{t+1})   (FrozenRssm.imagine, ε = 0)
 *   c(x_t, u_t) = −r̂(x_t),    c_T(x_H) = −r̂(x_H)              r̂ = FrozenRssm.reward, in the pendulum's units
 *   J = −Σ_{t=0}^{H} r̂(x_t)
 * </pre>
 * The reward head predicts the reward of the step that <em>led to</em> a state, so the plan's own rewards are
 * r̂(x_1) … r̂(x_H): the terminal cost counts the last, and the stage cost of x_0 counts the reward of the real
 * step already taken. That term is the same for every candidate from x_0, so it shifts J but never changes
 * which plan CEM prefers. CEM minimising J maximises the predicted return.
 *
 * <h2>Why the prior's mean</h2>
 * The step is deterministic: z is the prior's mean, not a sample. PlaNet samples the prior; here every candidate
 * would then be judged on its own noise draw, and with a few hundred candidates the elites would partly be the
 * lucky draws rather than the good torques. A fixed seeded sample would instead plan against one arbitrary
 * future. The mean is also what this lesson's open-loop evaluation imagines with ({@link OpenLoop}), so the
 * planner trusts exactly the predictions the imagination viewer shows.
 *
 * <p>Torques are clipped to ±{@value FrozenRssm#MAX_TORQUE} N·m ({@link #controlLimit()}) and the model divides
 * them by that. Holds the model only (no buffers), so it may be shared between threads.
 */
public final class LatentDynamics implements BatchDynamics {
    private final FrozenRssm model;
    private final int size;
    private final StageCost cost;

    public LatentDynamics(FrozenRssm model) {
        this.model = Objects.requireNonNull(model, "model");
        this.size = model.deterministic() + model.stochastic();
        this.cost = new StageCost() {
            @Override
            public double stageAt(double[] xs, int offset, double u) {
                return -predictedReward(xs, offset);
            }

            @Override
            public double terminalAt(double[] xs, int offset) {
                return -predictedReward(xs, offset);
            }
        };
    }

    /** The world model planned with. */
    public FrozenRssm model() {
        return model;
    }

    /** H + Z. */
    @Override
    public int stateSize() {
        return size;
    }

    /** {@value FrozenRssm#MAX_TORQUE} N·m. */
    @Override
    public double controlLimit() {
        return FrozenRssm.MAX_TORQUE;
    }

    @Override
    public void stepBatch(double[] xs, double[] us, double[] next, int count) {
        for (int i = 0; i < count; i++) {
            float[] x = read(xs, i * size);
            float[] y = model.imagineMean(x, us[i]);
            for (int k = 0; k < size; k++) next[i * size + k] = y[k];
        }
    }

    /** c(x, u) = −r̂(x) and c_T(x) = −r̂(x): see the class comment. */
    public StageCost cost() {
        return cost;
    }

    /** r̂(x), the reward head's prediction at the state stored at {@code xs[offset …]}, in the pendulum's units. */
    public double predictedReward(double[] xs, int offset) {
        return FrozenRssm.symexp(model.rewardSymlog(read(xs, offset)));
    }

    /** x = [h, z] of a model state (exactly its floats, widened). */
    public double[] state(FrozenRssm.State state) {
        float[] h = state.h();
        float[] z = state.z();
        double[] x = new double[size];
        for (int k = 0; k < h.length; k++) x[k] = h[k];
        for (int k = 0; k < z.length; k++) x[h.length + k] = z[k];
        return x;
    }

    private float[] read(double[] xs, int offset) {
        float[] x = new float[size];
        for (int k = 0; k < size; k++) x[k] = (float) xs[offset + k];
        return x;
    }
}
