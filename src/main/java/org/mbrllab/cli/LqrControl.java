package org.mbrllab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.Trajectory;

/**
 * {@code control --controller lqr}: the infinite-horizon gain of the upright linearisation
 * ({@link DiscreteLqr}), run for {@code --steps} on the nonlinear plant. JSON adds {@code gain},
 * {@code eigenvalues} of A − BK, {@code A}, {@code B} and {@code steps}; {@code iterations} counts Riccati
 * recursions.
 */
final class LqrControl extends ControlRun {

    /** Steps of the closed loop when --steps is not given. */
    static final int DEFAULT_STEPS = 500;

    private long iterations;

    LqrControl(ControlCommand options) {
        super(options);
    }

    @Override
    String name() {
        return "lqr";
    }

    @Override
    List<String> takes() {
        return List.of("--steps");
    }

    @Override
    String hint() {
        return "lqr takes --q, --r, --steps, --theta0, --force-limit";
    }

    @Override
    boolean unlimitedByDefault() {
        return true;
    }

    @Override
    Trajectory run(ObjectNode root) {
        Linearization lin = plant.uprightLinearization();
        LqrGain gain = DiscreteLqr.solve(lin, cost);
        int n = stepsOr(DEFAULT_STEPS);
        Trajectory run = ClosedLoop.simulate(plant, cost, Controller.linear(gain.row()), x0, n);
        iterations = gain.iterations();
        putVector(root.putArray("gain"), gain.row());
        putPairs(root.putArray("eigenvalues"), gain.eigenvalues());
        putLinearization(root, lin);
        root.put("steps", n);
        return run;
    }

    @Override
    long iterations() {
        return iterations;
    }
}
