package org.mbrllab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.FiniteHorizonLqr;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.Trajectory;

/**
 * {@code control --controller finite-lqr}: the time-varying gains K_0 … K_{T−1} of the upright
 * linearisation ({@link FiniteHorizonLqr}), run for T steps. JSON adds {@code gain} = K_0, {@code gains},
 * {@code eigenvalues} of A − B·K_0, {@code A}, {@code B} and {@code horizon}; {@code iterations} = T
 * backward recursions.
 */
final class FiniteLqrControl extends ControlRun {

    private long iterations;

    FiniteLqrControl(ControlCommand options) {
        super(options);
    }

    @Override
    String name() {
        return "finite-lqr";
    }

    @Override
    List<String> takes() {
        return List.of("--horizon");
    }

    @Override
    String hint() {
        return "finite-lqr runs its --horizon T steps; it takes --q, --r, --horizon, --theta0, --force-limit";
    }

    @Override
    boolean unlimitedByDefault() {
        return true;
    }

    @Override
    Trajectory run(ObjectNode root) {
        Linearization lin = plant.uprightLinearization();
        int t = horizonOr(FiniteHorizonLqr.HORIZON);
        FiniteHorizonLqr.Gains gains = FiniteHorizonLqr.solve(lin, cost, t);
        Trajectory run = ClosedLoop.simulate(plant, cost, Controller.timeVarying(gains.rows()), x0, t);
        iterations = t;
        putVector(root.putArray("gain"), gains.row(0));
        ArrayNode all = root.putArray("gains");
        for (double[] k : gains.rows()) putVector(all.addArray(), k);
        putPairs(root.putArray("eigenvalues"), LqrGain.closedLoopEigenvalues(lin, gains.row(0)));
        putLinearization(root, lin);
        root.put("horizon", t);
        return run;
    }

    @Override
    long iterations() {
        return iterations;
    }
}
