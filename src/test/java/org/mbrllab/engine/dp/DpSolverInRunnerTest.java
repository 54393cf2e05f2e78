package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;

/** The solver as a pane drives it: through the project's {@link Runner}. */
class DpSolverInRunnerTest {

    @Test
    void runsToDoneAndPublishesTheConvergedSnapshot() {
        List<Published<DpSnapshot>> seen = new ArrayList<>();
        try (Runner<DpSolver, DpSnapshot> runner = Runner.synchronous(seen::add)) {
            runner.load(() -> DpTesting.solver(Algorithm.VALUE_ITERATION, DpTesting.world("sutton-barto-3.5")));
            runner.run();
            Published<DpSnapshot> last = seen.get(seen.size() - 1);
            assertEquals(RunStatus.State.DONE, last.status().state());
            assertTrue(last.snapshot().converged());
            assertEquals(24.4, last.snapshot().value(0, 1), 0.05);

            runner.apply(solver -> solver.setWorld(new GridWorld(solver.world().layout()
                    .withParams(solver.world().params().with("gamma", 0.5)))));
            runner.run();
            last = seen.get(seen.size() - 1);
            assertEquals(RunStatus.State.DONE, last.status().state());
            assertEquals(0.5, last.snapshot().gamma());
            assertEquals(1, last.snapshot().reconfigurations().size());
        }
    }

    @Test
    void divergenceStopsTheRunWithItsExplanation() {
        List<Published<DpSnapshot>> seen = new ArrayList<>();
        GridWorldParams endless = new GridWorldParams(1, 0, -1, -1, 1, -1);
        try (Runner<DpSolver, DpSnapshot> runner = Runner.synchronous(seen::add)) {
            runner.load(() -> DpTesting.solver(Algorithm.POLICY_EVALUATION, new GridWorld(GridLayout.empty(3, 3, endless))));
            runner.run();
            RunStatus status = seen.get(seen.size() - 1).status();
            assertEquals(RunStatus.State.DIVERGED, status.state());
            assertTrue(status.message().startsWith("With γ = 1 the values never settle"), status.message());
        }
    }
}
