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
import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.FiniteHorizonLqr;
import org.mbrllab.engine.control.IlqrEngine;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.InitialControls;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.ModelError;
import org.mbrllab.engine.control.Mpc;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.MpcSnapshot;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
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
 * <ul>
 *   <li>lqr: {@code gain} (K's row, u = −K·x), {@code eigenvalues} of A − BK as [re, im] pairs,
 *       {@code A}, {@code B} (the upright linearisation of one step), {@code steps}; {@code iterations}
 *       counts Riccati recursions.</li>
 *   <li>finite-lqr: {@code gain} = K_0, {@code gains} = K_0 … K_{T−1}, {@code eigenvalues} of A − B·K_0,
 *       {@code A}, {@code B}, {@code horizon}; the closed loop runs T steps with K_t; {@code iterations}
 *       = T backward recursions.</li>
 *   <li>ilqr: the optimised trajectory over the horizon; {@code horizon}, {@code init},
 *       {@code restarts}, {@code seed}, {@code best_restart}, {@code restart_costs}, {@code stop_reason};
 *       {@code iterations} over all starts.</li>
 *   <li>mpc: the closed loop on the true plant; {@code planner}, {@code horizon}, {@code steps},
 *       {@code model_error}, {@code replan_ms} (every replan's wall time), {@code replan_ms_median},
 *       {@code seed}; {@code iterations} = planner iterations (CEM refits) over all replans.</li>
 * </ul>
 */
@Command(name = "control", sortOptions = false,
        description = {"Balance or swing up the cartpole or the pendulum with LQR, finite-horizon LQR, iLQR or MPC.",
            "States: cartpole (x, x_dot, theta, theta_dot), pendulum (theta, theta_dot); theta = 0 is upright."},
        footer = {"", "Examples:",
            "  mbrl-lab control --system cartpole --controller lqr --theta0 0.1 --json",
            "  mbrl-lab control --system pendulum --controller ilqr --theta0 3.14159 --json",
            "  mbrl-lab control --system cartpole --controller mpc --model-error 1.3 --json"})
final class ControlCommand implements Callable<Integer> {

    /** Steps of the LQR closed loop when --steps is not given. */
    static final int DEFAULT_LQR_STEPS = 500;
    /** Steps of the MPC closed loop when --steps is not given. */
    static final int DEFAULT_MPC_STEPS = 200;
    /** Initial angle when --theta0 is not given, in rad. */
    static final double DEFAULT_THETA0 = 0.1;

    static final ParameterSpec STEPS = ParameterSpec.whole("steps", "steps", 1, 100_000, DEFAULT_LQR_STEPS,
            "Closed-loop steps on the nonlinear plant.");
    static final ParameterSpec THETA0 = ParameterSpec.real("theta0", "θ₀ (rad)", -100, 100, DEFAULT_THETA0,
            "Initial angle; 0 is upright, π hanging down.");

    enum Kind {
        LQR, FINITE_LQR, ILQR, MPC;

        String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

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

    @Option(names = "--steps", paramLabel = "N", description = "Closed-loop steps for lqr (default " + DEFAULT_LQR_STEPS
            + ") and mpc (" + DEFAULT_MPC_STEPS + ").")
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
        // 1. Options.
        ControlSystem sys = parseSystem();
        Kind kind = parseKind();
        checkApplicable(kind);
        QuadraticCost cost = cost(sys);
        double limit = limit(sys, kind);
        Dynamics plant = sys.gymnasium().withControlLimit(limit);
        double th0 = theta0 == null ? DEFAULT_THETA0 : Args.check("--theta0", THETA0, theta0);
        double[] x0 = plant.stateWithAngle(th0);

        // 2. Run.
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("system", sys.cliName());
        root.put("controller", kind.cliName());
        putVector(root.putArray("q"), cost.q());
        root.put("r", cost.r());
        if (Double.isFinite(limit)) root.put("force_limit", limit);
        else root.putNull("force_limit");
        root.put("theta0", th0);
        Trajectory run;
        long iterations;
        switch (kind) {
            case LQR -> {
                Linearization lin = plant.uprightLinearization();
                LqrGain gain = DiscreteLqr.solve(lin, cost);
                int n = stepsOr(DEFAULT_LQR_STEPS);
                run = ClosedLoop.simulate(plant, cost, Controller.linear(gain.row()), x0, n);
                iterations = gain.iterations();
                putVector(root.putArray("gain"), gain.row());
                putPairs(root.putArray("eigenvalues"), gain.eigenvalues());
                putLinearization(root, lin);
                root.put("steps", n);
            }
            case FINITE_LQR -> {
                Linearization lin = plant.uprightLinearization();
                int t = horizonOr(FiniteHorizonLqr.HORIZON);
                FiniteHorizonLqr.Gains gains = FiniteHorizonLqr.solve(lin, cost, t);
                run = ClosedLoop.simulate(plant, cost, Controller.timeVarying(gains.rows()), x0, t);
                iterations = t;
                putVector(root.putArray("gain"), gains.row(0));
                ArrayNode all = root.putArray("gains");
                for (double[] k : gains.rows()) putVector(all.addArray(), k);
                putPairs(root.putArray("eigenvalues"), LqrGain.closedLoopEigenvalues(lin, gains.row(0)));
                putLinearization(root, lin);
                root.put("horizon", t);
            }
            case ILQR -> {
                int t = horizonOr(IlqrSettings.HORIZON);
                int k = restarts == null ? 1 : (int) Args.check("--restarts", IlqrSettings.RESTARTS, restarts);
                InitialControls start = parseInit();
                IlqrSettings settings = IlqrSettings.defaults().withHorizon(t).withRestarts(k).withInit(start)
                        .withSeed(seed);
                IlqrEngine engine = new IlqrEngine(plant, cost, x0, settings);
                run = engine.solve();
                IlqrSnapshot last = engine.snapshot();
                iterations = engine.totalIterations();
                root.put("horizon", t);
                root.put("init", start.cliName());
                root.put("restarts", k);
                root.put("seed", seed);
                root.put("best_restart", engine.bestRestart());
                ArrayNode costs = root.putArray("restart_costs");
                for (double c : engine.finishedCosts()) costs.add(c);
                root.put("stop_reason", last.stopReason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            default -> {
                int h = horizonOr(MpcSettings.HORIZON);
                int n = stepsOr(DEFAULT_MPC_STEPS);
                double f = modelError == null ? 1 : Args.check("--model-error", ModelError.MASS_FACTOR, modelError);
                PlannerKind chosen = parsePlanner();
                MpcSettings settings = mpcSettings(h, chosen);
                Dynamics model = plant.withModelError(ModelError.uniform(f));
                Mpc mpc = new Mpc(plant, model, cost, settings, x0, n);
                while (mpc.step()) {
                    // replan and act until the end
                }
                MpcSnapshot last = mpc.snapshot();
                run = last.executed();
                iterations = mpc.plannerIterations();
                root.put("planner", chosen.cliName());
                root.put("horizon", h);
                root.put("steps", n);
                root.put("model_error", f);
                if (chosen != PlannerKind.ILQR) root.put("samples", settings.samples());
                if (chosen == PlannerKind.CEM) {
                    root.put("elites", settings.elites());
                    root.put("cem_iterations", settings.cemIterations());
                }
                root.put("seed", seed);
                ArrayNode ms = root.putArray("replan_ms");
                for (double v : last.replanMillis()) ms.add(v);
                root.put("replan_ms_median", last.medianReplanMillis());
            }
        }
        ArrayNode states = root.putArray("states");
        for (double[] x : run.states()) putVector(states.addArray(), x);
        putVector(root.putArray("actions"), run.actions());
        putVector(root.putArray("final_state"), run.finalState());
        double maxTheta = run.maxAbsAngle(plant.angleIndex());
        root.put("max_abs_theta", maxTheta);
        root.put("cost", run.cost());
        root.put("iterations", iterations);

        // 3. Print.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(summary(sys, kind, root, run, maxTheta, iterations));
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

    private Kind parseKind() {
        for (Kind k : Kind.values()) if (k.cliName().equals(controller)) return k;
        throw new Cli.UsageError("unknown controller '" + controller + "' (controllers: lqr, finite-lqr, ilqr, mpc)");
    }

    private InitialControls parseInit() {
        if (init == null) return InitialControls.ZERO;
        try {
            return InitialControls.fromCliName(init);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError("--init: " + e.getMessage());
        }
    }

    private PlannerKind parsePlanner() {
        if (planner == null) return PlannerKind.ILQR;
        try {
            return PlannerKind.fromCliName(planner);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
    }

    /** An option that means nothing for this controller is a usage error, not silently ignored. */
    private void checkApplicable(Kind kind) {
        List<String> wrong = new ArrayList<>();
        if (horizon != null && kind == Kind.LQR) wrong.add("--horizon");
        if (steps != null && (kind == Kind.FINITE_LQR || kind == Kind.ILQR)) wrong.add("--steps");
        if (init != null && kind != Kind.ILQR) wrong.add("--init");
        if (restarts != null && kind != Kind.ILQR) wrong.add("--restarts");
        if (kind != Kind.MPC) {
            if (planner != null) wrong.add("--planner");
            if (modelError != null) wrong.add("--model-error");
            if (samples != null) wrong.add("--samples");
            if (elites != null) wrong.add("--elites");
            if (cemIterations != null) wrong.add("--cem-iterations");
        }
        if (wrong.isEmpty()) return;
        String hint = switch (kind) {
            case LQR -> "lqr takes --q, --r, --steps, --theta0, --force-limit";
            case FINITE_LQR -> "finite-lqr runs its --horizon T steps; it takes --q, --r, --horizon, --theta0, --force-limit";
            case ILQR -> "ilqr optimises --horizon T steps; it takes --q, --r, --horizon, --theta0, --force-limit, "
                    + "--init, --restarts, --seed";
            case MPC -> "mpc takes --q, --r, --horizon, --steps, --theta0, --force-limit, --planner, --model-error, "
                    + "--samples, --elites, --cem-iterations, --seed";
        };
        throw new Cli.UsageError(String.join(", ", wrong) + (wrong.size() == 1 ? " does" : " do")
                + " not apply to --controller " + kind.cliName() + " (" + hint + ")");
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

    private double limit(ControlSystem sys, Kind kind) {
        double gymnasium = sys.gymnasium().controlLimit();
        if (forceLimit == null) return kind == Kind.LQR || kind == Kind.FINITE_LQR ? Double.POSITIVE_INFINITY : gymnasium;
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

    private int stepsOr(int fallback) {
        return steps == null ? fallback : (int) Args.check("--steps", STEPS, steps);
    }

    /** --horizon checked against the controller's own horizon spec, or that spec's default. */
    private int horizonOr(ParameterSpec spec) {
        return (int) (horizon == null ? spec.defaultValue() : Args.check("--horizon", spec, horizon));
    }

    private MpcSettings mpcSettings(int h, PlannerKind chosen) {
        MpcSettings d = MpcSettings.defaults();
        int n = samples == null ? d.samples() : (int) Args.check("--samples", MpcSettings.SAMPLES, samples);
        int e = elites == null ? Math.min(d.elites(), n) : (int) Args.check("--elites", MpcSettings.ELITES, elites);
        if (e > n) throw new Cli.UsageError("--elites " + e + " must not exceed --samples " + n);
        int i = cemIterations == null ? d.cemIterations()
                : (int) Args.check("--cem-iterations", MpcSettings.CEM_ITERATIONS, cemIterations);
        return d.withHorizon(h).withPlanner(chosen).withSampling(n, e, i).withSeed(seed);
    }

    // ---------------------------------------------------------------- output

    private static void putVector(ArrayNode node, double[] v) {
        for (double x : v) node.add(x);
    }

    private static void putPairs(ArrayNode node, double[][] pairs) {
        for (double[] p : pairs) putVector(node.addArray(), p);
    }

    private static void putLinearization(ObjectNode root, Linearization lin) {
        ArrayNode a = root.putArray("A");
        for (double[] row : lin.a()) putVector(a.addArray(), row);
        putVector(root.putArray("B"), lin.b());
    }

    private static String summary(ControlSystem sys, Kind kind, ObjectNode root, Trajectory run, double maxTheta,
                                  long iterations) {
        StringBuilder s = new StringBuilder();
        s.append(sys.cliName()).append(", ").append(kind.cliName());
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
                .append(Format.fixed(run.cost(), 4)).append(", iterations ").append(iterations);
        if (root.has("replan_ms_median")) {
            s.append(", median replan ").append(Format.fixed(root.get("replan_ms_median").asDouble(), 3)).append(" ms");
        }
        return s.toString();
    }

    private static String vector(com.fasterxml.jackson.databind.JsonNode node) {
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
