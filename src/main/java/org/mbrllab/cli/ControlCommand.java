package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.FiniteHorizonLqr;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control}: balances or swings up the cartpole or the pendulum with LQR, finite-horizon LQR, iLQR
 * or MPC, and prints the trajectory.
 *
 * <h2>Conventions</h2>
 * Cartpole state (x, x_dot, theta, theta_dot), pendulum state (theta, theta_dot), θ = 0 upright, u the
 * force (N) or torque (N·m), Gymnasium's signs. The run starts at θ = {@code --theta0}, everything else 0.
 *
 * <h2>JSON output ({@code --json})</h2>
 * One object. Always: {@code system}, {@code controller}, {@code q}, {@code r}, {@code force_limit} (null
 * for none), {@code theta0}, {@code states} (x_0 … x_N, so {@code states[k]} is the state after k steps),
 * {@code actions} (u_0 … u_{N−1} as applied), {@code final_state}, {@code max_abs_theta} (θ wrapped to
 * (−π, π]), {@code cost} (J = Σ_{t=0}^{N−1} c(x_t, u_t), no terminal cost) and {@code iterations}.
 * Each controller adds its own keys: {@link LqrControl}, {@link FiniteLqrControl}, {@link IlqrControl},
 * {@link MpcControl}. This class parses the options, rejects those that do not apply to the controller,
 * builds the plant, the cost and the start state, and prints.
 */
@Command(name = "control", sortOptions = false,
        description = {"Balance or swing up the cartpole or the pendulum with LQR, finite-horizon LQR, iLQR or MPC.",
            "States: cartpole (x, x_dot, theta, theta_dot), pendulum (theta, theta_dot); theta = 0 is upright."},
        footer = {"", "Examples:",
            "  mbrl-lab control --system cartpole --controller lqr --theta0 0.1 --json",
            "  mbrl-lab control --system pendulum --controller ilqr --theta0 3.14159 --json",
            "  mbrl-lab control --system cartpole --controller mpc --model-error 1.3 --json"})
final class ControlCommand implements Callable<Integer> {

    /** Initial angle when --theta0 is not given, in rad. */
    static final double DEFAULT_THETA0 = 0.1;

    static final ParameterSpec STEPS = ParameterSpec.whole("steps", "steps", 1, 100_000, LqrControl.DEFAULT_STEPS,
            "Closed-loop steps on the nonlinear plant.");
    static final ParameterSpec THETA0 = ParameterSpec.real("theta0", "θ₀ (rad)", -100, 100, DEFAULT_THETA0,
            "Initial angle; 0 is upright, π hanging down.");

    /** The options that only some controllers take, in the order a usage error lists them. */
    static final List<String> SPECIFIC_OPTIONS = List.of("--horizon", "--steps", "--init", "--restarts", "--planner",
            "--model-error", "--samples", "--elites", "--cem-iterations");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--system", paramLabel = "NAME", required = true, description = "cartpole or pendulum.")
    String system;

    @Option(names = "--controller", paramLabel = "NAME", required = true,
            description = "lqr, finite-lqr, ilqr or mpc.")
    String controller;

    @Option(names = "--q", paramLabel = "a,b,…", description = "Diagonal of Q, one weight per state entry "
            + "(default: the system's cost, printed as q).")
    String q;

    @Option(names = "--r", paramLabel = "R", description = "Control weight R > 0 (default: the system's cost, printed as r).")
    Double r;

    @Option(names = "--horizon", paramLabel = "T", description = "Horizon for finite-lqr (default "
            + FiniteHorizonLqr.DEFAULT_HORIZON + "), ilqr (" + IlqrSettings.DEFAULT_HORIZON + ") and mpc ("
            + MpcSettings.DEFAULT_HORIZON + ").")
    Integer horizon;

    @Option(names = "--steps", paramLabel = "N", description = "Closed-loop steps for lqr (default " + LqrControl.DEFAULT_STEPS
            + ") and mpc (" + MpcControl.DEFAULT_STEPS + ").")
    Integer steps;

    @Option(names = "--theta0", paramLabel = "X", description = "Initial angle in rad, the rest 0 (default "
            + DEFAULT_THETA0 + "; 3.14159 is hanging down).")
    Double theta0;

    @Option(names = "--force-limit", paramLabel = "F", description = "Control limit (N or N·m), or none (default: none "
            + "for lqr and finite-lqr; Gymnasium's for ilqr and mpc).")
    String forceLimit;

    @Option(names = "--init", paramLabel = "zero|random", description = "ilqr: initial controls (default zero).")
    String init;

    @Option(names = "--restarts", paramLabel = "K", description = "ilqr: starts; the cheapest wins (default 1).")
    Integer restarts;

    @Option(names = "--seed", paramLabel = "S", description = "Seeds random starts and sampling (default 0).")
    long seed;

    @Option(names = "--planner", paramLabel = "NAME", description = "mpc: ilqr, shooting or cem (default ilqr).")
    String planner;

    @Option(names = "--model-error", paramLabel = "F", description = "mpc: the planner's model has the masses and "
            + "length times F (default 1, a perfect model).")
    Double modelError;

    @Option(names = "--samples", paramLabel = "N", description = "mpc shooting/cem: samples per replan or CEM "
            + "iteration (default " + MpcSettings.DEFAULT_SAMPLES + ").")
    Integer samples;

    @Option(names = "--elites", paramLabel = "E", description = "mpc cem: elites (default "
            + MpcSettings.DEFAULT_ELITES + ").")
    Integer elites;

    @Option(names = "--cem-iterations", paramLabel = "I", description = "mpc cem: iterations per replan (default "
            + MpcSettings.DEFAULT_CEM_ITERATIONS + ").")
    Integer cemIterations;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Options: the system, the controller, what every controller shares.
        ControlSystem sys = parseSystem();
        ControlRun run = controller();
        checkApplicable(run);
        run.cost = cost(sys);
        double limit = limit(sys, run);
        run.plant = sys.gymnasium().withControlLimit(limit);
        double th0 = theta0 == null ? DEFAULT_THETA0 : Args.check("--theta0", THETA0, theta0);
        run.x0 = run.plant.stateWithAngle(th0);

        // 2. Run.
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("system", sys.cliName());
        root.put("controller", run.name());
        ControlRun.putVector(root.putArray("q"), run.cost.q());
        root.put("r", run.cost.r());
        if (Double.isFinite(limit)) root.put("force_limit", limit);
        else root.putNull("force_limit");
        root.put("theta0", th0);
        Trajectory trajectory = run.run(root);
        ArrayNode states = root.putArray("states");
        for (double[] x : trajectory.states()) ControlRun.putVector(states.addArray(), x);
        ControlRun.putVector(root.putArray("actions"), trajectory.actions());
        ControlRun.putVector(root.putArray("final_state"), trajectory.finalState());
        double maxTheta = trajectory.maxAbsAngle(run.plant.angleIndex());
        root.put("max_abs_theta", maxTheta);
        root.put("cost", trajectory.cost());
        root.put("iterations", run.iterations());

        // 3. Print.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(run.summary(sys, root, trajectory, maxTheta));
        }
        out.flush();
        return 0;
    }

    // ---------------------------------------------------------------- options

    private ControlSystem parseSystem() {
        try {
            return ControlSystem.fromCliName(system);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
    }

    /** The controller named by --controller. */
    private ControlRun controller() {
        return switch (controller) {
            case "lqr" -> new LqrControl(this);
            case "finite-lqr" -> new FiniteLqrControl(this);
            case "ilqr" -> new IlqrControl(this);
            case "mpc" -> new MpcControl(this);
            default -> throw new Cli.UsageError("unknown controller '" + controller
                    + "' (controllers: lqr, finite-lqr, ilqr, mpc)");
        };
    }

    /** An option that means nothing for this controller is a usage error, not silently ignored. */
    private void checkApplicable(ControlRun run) {
        List<String> wrong = new ArrayList<>();
        for (String option : SPECIFIC_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option) && !run.takes().contains(option)) {
                wrong.add(option);
            }
        }
        if (wrong.isEmpty()) return;
        throw new Cli.UsageError(String.join(", ", wrong) + (wrong.size() == 1 ? " does" : " do")
                + " not apply to --controller " + run.name() + " (" + run.hint() + ")");
    }

    private QuadraticCost cost(ControlSystem sys) {
        QuadraticCost cost = sys.defaultCost();
        if (q != null) {
            String[] parts = q.split(",", -1);
            if (parts.length != sys.stateSize()) {
                throw new Cli.UsageError("--q needs " + sys.stateSize() + " comma-separated weights for " + sys.cliName()
                        + " (" + String.join(", ", sys.stateNames()) + "), got " + parts.length);
            }
            double[] weights = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    weights[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new Cli.UsageError("--q: '" + parts[i] + "' is not a number");
                }
                Args.check("--q", QuadraticCost.Q_WEIGHT, weights[i]);
            }
            cost = cost.withQ(weights);
        }
        if (r != null) cost = cost.withR(Args.check("--r", QuadraticCost.R_WEIGHT, r));
        return cost;
    }

    private double limit(ControlSystem sys, ControlRun run) {
        double gymnasium = sys.gymnasium().controlLimit();
        if (forceLimit == null) return run.unlimitedByDefault() ? Double.POSITIVE_INFINITY : gymnasium;
        String text = forceLimit.strip().toLowerCase(Locale.ROOT);
        if (text.equals("none")) return Double.POSITIVE_INFINITY;
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Cli.UsageError("--force-limit: '" + forceLimit + "' is neither a number nor 'none'");
        }
        ParameterSpec range = sys == ControlSystem.CARTPOLE
                ? org.mbrllab.engine.control.CartpoleParams.FORCE_LIMIT
                : org.mbrllab.engine.control.PendulumParams.MAX_TORQUE;
        return Args.check("--force-limit", range, value);
    }
}
