package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.CartpoleParams;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.PendulumParams;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The parameters the control panes share, and how their values become the engine's inputs: the physical
 * constants of both systems (the specs of {@link CartpoleParams} and {@link PendulumParams}, so their
 * ranges and defaults are written down only there), the cost weights, and the start angle.
 *
 * <p>One parameter model holds both systems; the pane shows only the current system's keys
 * ({@link #physicalKeys}). Both systems have a gravity; they share the key {@code gravity}, and choosing
 * a system loads its own value ({@link #systemDefaults}).
 */
final class ControlParameters {
    private ControlParameters() {}

    /** The start angle, in degrees (0 upright, 180 hanging down). */
    static final String THETA0 = "theta0";
    /** R, the control weight. */
    static final String R = "r";

    /** R's range in the panes: the engine allows 10⁻⁶ to 10⁴; these seven decades cover both systems. */
    static final ParameterSpec R_SPEC = ParameterSpec.real(R, "R", 1e-4, 1e3, 0.1,
            "R: the weight of the control squared, u², in the cost. Larger: gentler, cheaper pushes; the system drifts "
                    + "further and takes longer to come back.");

    /** The key of Q's diagonal entry for state entry {@code name} ("x", "theta_dot" …). */
    static String qKey(String stateName) {
        return "q_" + stateName;
    }

    /** Every Q weight either system uses: x, ẋ, θ, θ̇. */
    static List<ParameterSpec> qSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (String name : ControlSystem.CARTPOLE.stateNames()) {
            // Short labels: the panel is narrow on a projector; the tooltip says what the weight is.
            specs.add(ParameterSpec.real(qKey(name), "q_" + symbol(name),
                    QuadraticCost.Q_WEIGHT.min(), QuadraticCost.Q_WEIGHT.max(), ControlSystem.CARTPOLE.defaultCost().q(
                            ControlSystem.CARTPOLE.stateNames().indexOf(name)),
                    "Q's diagonal entry for " + symbol(name) + ": the weight of " + symbol(name) + "² in the cost. "
                            + QuadraticCost.Q_WEIGHT.tooltip()));
        }
        return specs;
    }

    /** The start angle's spec with {@code defaultDegrees}. */
    static ParameterSpec theta0(double defaultDegrees) {
        return ParameterSpec.real(THETA0, "start angle θ₀ (°)", -180, 180, defaultDegrees,
                "The pole's angle when the run starts: 0 is upright, 180 hanging down. Everything else starts at 0.");
    }

    /** The physical constants of both systems, gravity once. */
    static List<ParameterSpec> physicalSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(CartpoleParams.specs());
        for (ParameterSpec s : PendulumParams.specs()) {
            if (!s.key().equals(CartpoleParams.GRAVITY.key())) specs.add(s);
        }
        return specs;
    }

    /** The keys of {@code system}'s physical constants, in panel order. */
    static List<String> physicalKeys(ControlSystem system) {
        List<ParameterSpec> specs = system == ControlSystem.CARTPOLE ? CartpoleParams.specs() : PendulumParams.specs();
        return specs.stream().map(ParameterSpec::key).toList();
    }

    /** The keys of {@code system}'s cost weights: q for each state entry, then R. */
    static List<String> costKeys(ControlSystem system) {
        List<String> keys = new ArrayList<>();
        for (String name : system.stateNames()) keys.add(qKey(name));
        keys.add(R);
        return keys;
    }

    /** What choosing {@code system} loads: its Gymnasium constants (gravity included) and its default cost. */
    static Map<String, Double> systemDefaults(ControlSystem system) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<ParameterSpec> specs = system == ControlSystem.CARTPOLE ? CartpoleParams.specs() : PendulumParams.specs();
        for (ParameterSpec s : specs) values.put(s.key(), s.defaultValue());
        QuadraticCost cost = system.defaultCost();
        List<String> names = system.stateNames();
        for (int i = 0; i < names.size(); i++) values.put(qKey(names.get(i)), cost.q(i));
        values.put(R, cost.r());
        return values;
    }

    /**
     * The dynamics with the current constants. With {@code limited} false the control limit is removed
     * (LQR's default: the linear controller gets every force it asks for).
     */
    static Dynamics dynamics(ControlSystem system, ParameterModel p, boolean limited) {
        Dynamics d;
        if (system == ControlSystem.CARTPOLE) {
            CartpoleParams c = CartpoleParams.gymnasium();
            for (ParameterSpec s : CartpoleParams.specs()) c = c.with(s.key(), p.get(s.key()));
            d = new Cartpole(c);
        } else {
            PendulumParams c = PendulumParams.gymnasium();
            for (ParameterSpec s : PendulumParams.specs()) c = c.with(s.key(), p.get(s.key()));
            d = new Pendulum(c);
        }
        return limited ? d : d.withControlLimit(Double.POSITIVE_INFINITY);
    }

    /** The system's default cost with the weights in {@code p} (the same angle wrapping). */
    static QuadraticCost cost(ControlSystem system, ParameterModel p) {
        List<String> names = system.stateNames();
        double[] q = new double[names.size()];
        for (int i = 0; i < q.length; i++) q[i] = p.get(qKey(names.get(i)));
        return system.defaultCost().withQ(q).withR(p.get(R));
    }

    /** The start state: θ = θ₀ (converted to rad), everything else 0. */
    static double[] start(Dynamics d, ParameterModel p) {
        return d.stateWithAngle(Math.toRadians(p.get(THETA0)));
    }

    /** The state entry's symbol as a student reads it: x, ẋ, θ, dθ/dt. */
    static String symbol(String stateName) {
        return switch (stateName) {
            case "x" -> "x";
            case "x_dot" -> "ẋ";
            case "theta" -> "θ";
            // A combining dot (θ̇) is dropped by some fonts; the derivative is spelt out.
            case "theta_dot" -> "dθ/dt";
            default -> stateName;
        };
    }

    /** The unit of a state entry. */
    static String unit(String stateName) {
        return switch (stateName) {
            case "x" -> "m";
            case "x_dot" -> "m/s";
            case "theta" -> "rad";
            case "theta_dot" -> "rad/s";
            default -> "";
        };
    }

    /** The control's name and unit: force in N for the cartpole, torque in N·m for the pendulum. */
    /** The system's name in the toolbar. */
    static String title(ControlSystem system) {
        return system == ControlSystem.CARTPOLE ? "Cartpole" : "Pendulum";
    }
}
