package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A sweep allocates nothing per backup: the flat arrays are read and written in place. */
class SweepAllocationTest {

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void sweepOf10000StatesAllocatesAlmostNothing(Algorithm algorithm) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        GridWorldParams params = new GridWorldParams(0.99, 0.2, -1, -1, -1, -1);
        GridWorld world = new GridWorld(GridLayout.empty(100, 100, params).withCell(99, 99, GridLayout.Cell.goal()));
        DpSolver solver = DpSolver.create(algorithm, world, DpSettings.defaults().withTolerance(0));
        for (int i = 0; i < 20; i++) solver.step(); // warm up, and let the history list grow
        int sweeps = 50;
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < sweeps; i++) solver.step();
        long perSweep = (threads.getThreadAllocatedBytes(thread) - before) / sweeps;
        // One boxed object per backup would be 10 000 × 16 bytes = 160 kB per sweep.
        assertTrue(perSweep < 2_000, algorithm + ": " + perSweep + " bytes per sweep");
    }
}
