package org.mbrllab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.mbrllab.engine.control.IlqrEngine;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.InitialControls;
import org.mbrllab.engine.control.Trajectory;

/**
 * {@code control --controller ilqr}: the optimised trajectory over the horizon ({@link IlqrEngine}), the
 * cheapest of {@code --restarts} starts. JSON adds {@code horizon}, {@code init}, {@code restarts},
 * {@code seed}, {@code best_restart}, {@code restart_costs} and {@code stop_reason}; {@code iterations}
 * over all starts.
 */
final class IlqrControl extends ControlRun {

    private long iterations;

    IlqrControl(ControlCommand options) {
        super(options);
    }

    @Override
    String name() {
        return "ilqr";
    }

    @Override
    List<String> takes() {
        return List.of("--horizon", "--init", "--restarts");
    }

    @Override
    String hint() {
        return "ilqr optimises --horizon T steps; it takes --q, --r, --horizon, --theta0, --force-limit, "
                + "--init, --restarts, --seed";
    }

    @Override
    Trajectory run(ObjectNode root) {
        int t = horizonOr(IlqrSettings.HORIZON);
        int k = options.restarts == null ? 1 : (int) Args.check("--restarts", IlqrSettings.RESTARTS, options.restarts);
        InitialControls start = init();
        IlqrSettings settings = IlqrSettings.defaults().withHorizon(t).withRestarts(k).withInit(start)
                .withSeed(options.seed);
        IlqrEngine engine = new IlqrEngine(plant, cost, x0, settings);
        Trajectory run = engine.solve();
        IlqrSnapshot last = engine.snapshot();
        iterations = engine.totalIterations();
        root.put("horizon", t);
        root.put("init", start.cliName());
        root.put("restarts", k);
        root.put("seed", options.seed);
        root.put("best_restart", engine.bestRestart());
        ArrayNode costs = root.putArray("restart_costs");
        for (double c : engine.finishedCosts()) costs.add(c);
        root.put("stop_reason", last.stopReason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return run;
    }

    @Override
    long iterations() {
        return iterations;
    }

    private InitialControls init() {
        if (options.init == null) return InitialControls.ZERO;
        try {
            return InitialControls.fromCliName(options.init);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError("--init: " + e.getMessage());
        }
    }
}
