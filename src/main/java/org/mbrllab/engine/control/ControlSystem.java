package org.mbrllab.engine.control;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The systems of the control lesson, with their Gymnasium dynamics and default costs. */
public enum ControlSystem {

    /** Gymnasium CartPole-v1 with a continuous force; state (x, ẋ, θ, θ̇). */
    CARTPOLE(Cartpole.STATE_NAMES) {
        @Override
        public Dynamics gymnasium() {
            return Cartpole.gymnasium();
        }

        /**
         * Q = diag(1, 1, 10, 1), R = 0.1: the angle matters most, then the cart's position and speeds. θ is
         * not wrapped (our choice; Gymnasium's cartpole has no cost): a full turn of the pole costs, so iLQR
         * swings up without spinning and never settles for a trajectory that whirls the pole round.
         */
        @Override
        public QuadraticCost defaultCost() {
            return new QuadraticCost(new double[] {1, 1, 10, 1}, 0.1, QuadraticCost.NO_WRAP);
        }

        /** CartPole-v1's reset: every entry uniform in [−0.05, 0.05], the pole near upright. */
        @Override
        public double[] gymnasiumReset(RandomGenerator random) {
            double[] x = new double[4];
            for (int i = 0; i < 4; i++) x[i] = -0.05 + 0.1 * random.nextDouble();
            return x;
        }
    },

    /** Gymnasium Pendulum-v1; state (θ, θ̇). */
    PENDULUM(Pendulum.STATE_NAMES) {
        @Override
        public Dynamics gymnasium() {
            return Pendulum.gymnasium();
        }

        /** Gymnasium's own: θ² + 0.1·θ̇² + 0.001·u². */
        @Override
        public QuadraticCost defaultCost() {
            return Pendulum.GYMNASIUM_COST;
        }

        /** Pendulum-v1's reset: θ uniform in [−π, π], θ̇ uniform in [−1, 1]. */
        @Override
        public double[] gymnasiumReset(RandomGenerator random) {
            double theta = -Math.PI + 2 * Math.PI * random.nextDouble();
            double thetaDot = -1 + 2 * random.nextDouble();
            return new double[] {theta, thetaDot};
        }
    };

    private final List<String> stateNames;

    ControlSystem(List<String> stateNames) {
        this.stateNames = stateNames;
    }

    /** The Gymnasium system with its own control limit (10 N; 2 N·m). */
    public abstract Dynamics gymnasium();

    /** The cost the lesson and the command line start from. */
    public abstract QuadraticCost defaultCost();

    /** A start state drawn as Gymnasium's {@code reset} draws it (θ first, then the other entries). */
    public abstract double[] gymnasiumReset(RandomGenerator random);

    /** Names of the state entries, in order ("x", "x_dot", "theta", "theta_dot"). */
    public List<String> stateNames() {
        return stateNames;
    }

    public int stateSize() {
        return stateNames.size();
    }

    /** Which state entry is the angle θ (0 upright): {@link Cartpole#THETA} or {@link Pendulum#THETA}. */
    public int angleIndex() {
        return this == CARTPOLE ? Cartpole.THETA : Pendulum.THETA;
    }

    /** The control's unit: "N" for the cartpole's force, "N·m" for the pendulum's torque. */
    public String controlUnit() {
        return this == CARTPOLE ? "N" : "N·m";
    }

    /** What the control is: "force" or "torque". */
    public String controlName() {
        return this == CARTPOLE ? "force" : "torque";
    }

    /** The name on the command line: "cartpole", "pendulum". */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The system called {@code name} on the command line, or an exception listing the names. */
    public static ControlSystem fromCliName(String name) {
        for (ControlSystem s : values()) if (s.cliName().equals(name)) return s;
        throw new IllegalArgumentException("unknown system '" + name + "' (systems: cartpole, pendulum)");
    }
}
