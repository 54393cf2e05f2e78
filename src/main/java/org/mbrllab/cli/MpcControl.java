package org.mbrllab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.ModelError;
import org.mbrllab.engine.control.Mpc;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.MpcSnapshot;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.Trajectory;

/**
 * {@code control --controller mpc}: the closed loop on the true plant, replanning every step through a
 * model whose masses and length are off by {@code --model-error} ({@link Mpc}). JSON adds
 * {@code planner}, {@code horizon}, {@code steps}, {@code model_error}, the sampling sizes of the planner,
 * {@code seed}, {@code replan_ms} (every replan's wall time) and {@code replan_ms_median};
 * {@code iterations} = planner iterations (CEM refits) over all replans.
 */
final class MpcControl extends ControlRun {

    /** Steps of the closed loop when --steps is not given. */
    static final int DEFAULT_STEPS = 200;

    private long iterations;

    MpcControl(ControlCommand options) {
        super(options);
    }

    @Override
    String name() {
        return "mpc";
    }

    @Override
    List<String> takes() {
        return List.of("--horizon", "--steps", "--planner", "--model-error", "--samples", "--elites", "--cem-iterations");
    }

    @Override
    String hint() {
        return "mpc takes --q, --r, --horizon, --steps, --theta0, --force-limit, --planner, --model-error, "
                + "--samples, --elites, --cem-iterations, --seed";
    }

    @Override
    Trajectory run(ObjectNode root) {
        int h = horizonOr(MpcSettings.HORIZON);
        int n = stepsOr(DEFAULT_STEPS);
        double f = options.modelError == null ? 1
                : Args.check("--model-error", ModelError.MASS_FACTOR, options.modelError);
        PlannerKind chosen = planner();
        MpcSettings settings = settings(h, chosen);
        Dynamics model = plant.withModelError(ModelError.uniform(f));
        Mpc mpc = new Mpc(plant, model, cost, settings, x0, n);
        while (mpc.step()) {
            // replan and act until the end
        }
        MpcSnapshot last = mpc.snapshot();
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
        root.put("seed", options.seed);
        ArrayNode ms = root.putArray("replan_ms");
        for (double v : last.replanMillis()) ms.add(v);
        root.put("replan_ms_median", last.medianReplanMillis());
        return last.executed();
    }

    @Override
    long iterations() {
        return iterations;
    }

    private PlannerKind planner() {
        if (options.planner == null) return PlannerKind.ILQR;
        try {
            return PlannerKind.fromCliName(options.planner);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
    }

    private MpcSettings settings(int h, PlannerKind chosen) {
        MpcSettings d = MpcSettings.defaults();
        int n = options.samples == null ? d.samples() : (int) Args.check("--samples", MpcSettings.SAMPLES, options.samples);
        int e = options.elites == null ? Math.min(d.elites(), n)
                : (int) Args.check("--elites", MpcSettings.ELITES, options.elites);
        if (e > n) throw new Cli.UsageError("--elites " + e + " must not exceed --samples " + n);
        int i = options.cemIterations == null ? d.cemIterations()
                : (int) Args.check("--cem-iterations", MpcSettings.CEM_ITERATIONS, options.cemIterations);
        return d.withHorizon(h).withPlanner(chosen).withSampling(n, e, i).withSeed(options.seed);
    }
}
