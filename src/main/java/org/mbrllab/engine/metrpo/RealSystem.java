package org.mbrllab.engine.metrpo;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.QuadraticCost;

/**
 * The true system as TRPO sees it: Gymnasium's dynamics, start distribution and reward of the pendulum
 * (Pendulum-v1) or the cartpole, the same as in the V1–V4 lesson. The torque or force is clipped to the
 * system's limit before it acts and before it is charged, as Gymnasium clips it; the policy's own
 * unclipped sample is what TRPO's likelihood ratio uses.
 *
 * <p>The reward is r(s, a) = −c(s, a) with the system's default cost c; for the pendulum this is
 * Gymnasium's −(θ² + 0.1 θ̇² + 0.001 u²), θ wrapped to (−π, π]. ME-TRPO, like the paper, learns the
 * dynamics and is given the reward.
 */
public final class RealSystem implements Trpo.Simulator {

    private final ControlSystem system;
    private final Dynamics dynamics;
    private final QuadraticCost cost;

    public RealSystem(ControlSystem system) {
        this.system = Objects.requireNonNull(system, "system");
        this.dynamics = system.gymnasium();
        this.cost = system.defaultCost();
    }

    public ControlSystem system() {
        return system;
    }

    @Override
    public int stateSize() {
        return system.stateSize();
    }

    @Override
    public int actionSize() {
        return 1;
    }

    @Override
    public double[] reset(RandomGenerator rng) {
        return system.gymnasiumReset(rng);
    }

    @Override
    public double[] next(double[] s, double[] a, RandomGenerator rng) {
        double[] next = new double[s.length];
        dynamics.step(s, clip(a[0]), next);
        return next;
    }

    @Override
    public double reward(double[] s, double[] a) {
        return reward(cost, s, clip(a[0]));
    }

    /** −c(s, u) for a control already clipped. */
    static double reward(QuadraticCost cost, double[] s, double u) {
        return -cost.stage(s, u);
    }

    double clip(double u) {
        double limit = dynamics.controlLimit();
        return Math.max(-limit, Math.min(limit, u));
    }

    double controlLimit() {
        return dynamics.controlLimit();
    }

    QuadraticCost cost() {
        return cost;
    }

    @Override
    public double[] observe(double[] s) {
        return observation(system, s);
    }

    @Override
    public int observationSize() {
        return system.stateSize() + 1;
    }

    /** The state with its angle θ written as (cos θ, sin θ): (cos θ, sin θ, θ̇) for the pendulum. */
    static double[] observation(ControlSystem system, double[] s) {
        double[] o = new double[s.length + 1];
        int angle = system.angleIndex();
        int c = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == angle) {
                o[c++] = Math.cos(s[i]);
                o[c++] = Math.sin(s[i]);
            } else {
                o[c++] = s[i];
            }
        }
        return o;
    }
}
