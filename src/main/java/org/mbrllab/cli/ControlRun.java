package org.mbrllab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * One controller of {@code control}: the base that {@link LqrControl}, {@link FiniteLqrControl},
 * {@link IlqrControl} and {@link MpcControl} share. {@link ControlCommand} parses the options and sets up
 * what every controller needs (the plant, the cost, the start state); a subclass says which of the
 * controller-specific options it takes, runs, and adds its own JSON keys. The trajectory keys and the
 * readable summary are written here, once.
 */
abstract class ControlRun {

    /** The parsed options of {@code control}. */
    final ControlCommand options;
    /** The nonlinear plant, with the control limit. */
    Dynamics plant;
    /** The cost the controller minimises and the run is scored by. */
    QuadraticCost cost;
    /** The start state: θ₀, the rest 0. */
    double[] x0;

    ControlRun(ControlCommand options) {
        this.options = options;
    }

    /** The name after {@code --controller}. */
    abstract String name();

    /** The controller-specific options it takes, of {@link ControlCommand#SPECIFIC_OPTIONS}. */
    abstract List<String> takes();

    /** Which options it takes, for the message when another is given. */
    abstract String hint();

    /** Whether it has no control limit unless {@code --force-limit} gives one (LQR's are linear). */
    boolean unlimitedByDefault() {
        return false;
    }

    /** Runs the controller, adding its own keys to {@code root}, and returns the trajectory to report. */
    abstract Trajectory run(ObjectNode root);

    /** What {@code iterations} counts for this controller, after {@link #run}. */
    abstract long iterations();

    // ---------------------------------------------------------------- shared option helpers

    /** {@code --steps} checked, or {@code fallback}. */
    int stepsOr(int fallback) {
        return options.steps == null ? fallback : (int) Args.check("--steps", ControlCommand.STEPS, options.steps);
    }

    /** {@code --horizon} checked against the controller's own horizon spec, or that spec's default. */
    int horizonOr(ParameterSpec spec) {
        return (int) (options.horizon == null ? spec.defaultValue() : Args.check("--horizon", spec, options.horizon));
    }

    // ---------------------------------------------------------------- output

    static void putVector(ArrayNode node, double[] v) {
        for (double x : v) node.add(x);
    }

    static void putPairs(ArrayNode node, double[][] pairs) {
        for (double[] p : pairs) putVector(node.addArray(), p);
    }

    static void putLinearization(ObjectNode root, Linearization lin) {
        ArrayNode a = root.putArray("A");
        for (double[] row : lin.a()) putVector(a.addArray(), row);
        putVector(root.putArray("B"), lin.b());
    }

    /** The readable output: what ran, the gain and eigenvalues if any, the final state, |θ|, J. */
    String summary(ControlSystem sys, ObjectNode root, Trajectory run, double maxTheta) {
        StringBuilder s = new StringBuilder();
        s.append(sys.cliName()).append(", ").append(name());
        if (root.has("planner")) s.append(" (").append(root.get("planner").asText()).append(" planner, H = ")
                .append(root.get("horizon").asInt()).append(", model error ×")
                .append(Format.number(root.get("model_error").asDouble())).append(')');
        s.append(": ").append(run.steps()).append(" steps from θ = ").append(Format.number(run.x(0, sys ==
                ControlSystem.CARTPOLE ? 2 : 0))).append('\n');
        if (root.has("gain")) {
            s.append("K = ").append(vector(root.get("gain"))).append("   (u = −K·x)\n");
            s.append("closed-loop eigenvalues: ");
            List<String> eig = new ArrayList<>();
            root.get("eigenvalues").forEach(p -> eig.add(Format.fixed(p.get(0).asDouble(), 4)
                    + (p.get(1).asDouble() == 0 ? "" : (p.get(1).asDouble() > 0 ? " + " : " − ")
                    + Format.fixed(Math.abs(p.get(1).asDouble()), 4) + "i")));
            s.append(String.join(", ", eig)).append('\n');
        }
        s.append("final state (").append(String.join(", ", sys.stateNames())).append(") = ")
                .append(vector(run.finalState())).append('\n');
        s.append("max |θ| = ").append(Format.fixed(maxTheta, 4)).append(" rad, cost J = ")
                .append(Format.fixed(run.cost(), 4)).append(", iterations ").append(iterations());
        if (root.has("replan_ms_median")) {
            s.append(", median replan ").append(Format.fixed(root.get("replan_ms_median").asDouble(), 3)).append(" ms");
        }
        return s.toString();
    }

    private static String vector(JsonNode node) {
        List<String> parts = new ArrayList<>();
        node.forEach(v -> parts.add(Format.fixed(v.asDouble(), 4)));
        return "[" + String.join(", ", parts) + "]";
    }

    private static String vector(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) parts.add(Format.fixed(x, 4));
        return "[" + String.join(", ", parts) + "]";
    }
}
