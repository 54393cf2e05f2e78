package org.mbrllab.engine.dyna;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.run.Engine;

/**
 * The book's chapter 8 figures for one maze, computed in the background so a pane can draw them as runs
 * arrive:
 * <ul>
 *   <li><b>Learning curves.</b> For a maze that never changes, Figure 8.2: mean steps per episode of
 *       Dyna-Q with n = 0, 5 and 50. For a changing maze, Figures 8.4 and 8.5: mean cumulative reward
 *       against time steps of Dyna-Q and Dyna-Q+. In both, the student's own agent is added when it is not
 *       one of those curves. Each step of this engine is one more run of the curve with the fewest, so all
 *       curves grow together.</li>
 *   <li><b>Figure 8.3.</b> Q half-way through episode 2 of run 0 for n = 0 and n = 50, computed first.</li>
 * </ul>
 * Every curve uses the same seed, so run r of every curve shares its acting stream (see
 * {@link DynaExperiment}).
 */
public final class DynaFigures implements Engine<DynaFigures.Snapshot> {

    /** The n of Figure 8.2's three curves. */
    public static final List<Integer> FIGURE_8_2_N = List.of(0, 5, 50);

    private final Maze maze;
    private final List<Curve> curves = new ArrayList<>();
    private final DynaConfig yours;
    private final long seed;
    private HalfwayPolicy[] halfway;
    private final Measure measure;

    /**
     * @param maze   the maze
     * @param yours  the student's agent and settings (α, γ, ε, κ, θ of every curve come from it)
     * @param length episodes per run for a maze that never changes, time steps per run for one that does
     * @param runs   runs per curve
     * @param seed   the seed of every curve
     */
    public DynaFigures(Maze maze, DynaConfig yours, int length, int runs, long seed) {
        this.maze = Objects.requireNonNull(maze, "maze");
        this.yours = Objects.requireNonNull(yours, "yours");
        this.seed = seed;
        this.measure = maze.changes() ? Measure.CUMULATIVE_REWARD : Measure.STEPS_PER_EPISODE;
        List<DynaConfig> configs = new ArrayList<>();
        if (measure == Measure.STEPS_PER_EPISODE) {
            DynaConfig dyna = yours.withAgent(AgentKind.DYNA_Q);
            for (int n : FIGURE_8_2_N) configs.add(dyna.withPlanningSteps(n));
        } else {
            configs.add(yours.withAgent(AgentKind.DYNA_Q));
            configs.add(yours.withAgent(AgentKind.DYNA_Q_PLUS));
        }
        boolean yoursShown = configs.stream().anyMatch(c -> same(c, yours));
        for (DynaConfig c : configs) curves.add(new Curve(label(c), false, new DynaExperiment(maze, new ExperimentPlan(c, measure, length, runs, seed))));
        if (!yoursShown) curves.add(new Curve(label(yours) + " (yours)", true, new DynaExperiment(maze, new ExperimentPlan(yours, measure, length, runs, seed))));
    }

    /** Whether two settings draw the same curve (Dyna-Q's n = 0 is Q-learning's curve too). */
    private static boolean same(DynaConfig a, DynaConfig b) {
        boolean plainQ = a.planningSteps() == 0 && b.planningSteps() == 0
                && a.agent() != AgentKind.PRIORITIZED_SWEEPING && b.agent() != AgentKind.PRIORITIZED_SWEEPING
                && a.agent() != AgentKind.DYNA_Q_PLUS && b.agent() != AgentKind.DYNA_Q_PLUS;
        return plainQ || a.equals(b);
    }

    /** "Dyna-Q, n = 5", "Q-learning". */
    public static String label(DynaConfig c) {
        if (c.agent() == AgentKind.Q_LEARNING) return "Q-learning";
        if (c.agent() == AgentKind.DYNA_Q && c.planningSteps() == 0) return "n = 0 (direct RL only)";
        return c.agent().displayName() + ", n = " + c.planningSteps();
    }

    @Override
    public boolean step() {
        // 1. Figure 8.3 first: two single runs, quick.
        if (halfway == null) {
            halfway = new HalfwayPolicy[] {
                    HalfwayPolicy.of(maze, yours.withAgent(AgentKind.DYNA_Q).withPlanningSteps(0), seed),
                    HalfwayPolicy.of(maze, yours.withAgent(AgentKind.DYNA_Q).withPlanningSteps(50), seed)};
            return true;
        }
        // 2. One more run of the curve that has the fewest.
        Curve next = null;
        for (Curve c : curves) {
            if (!c.experiment.isDone() && (next == null || c.experiment.snapshot().runsDone() < next.experiment.snapshot().runsDone())) {
                next = c;
            }
        }
        if (next == null) return false;
        next.experiment.step();
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return halfway != null && curves.stream().allMatch(c -> c.experiment.isDone());
    }

    @Override
    public Snapshot snapshot() {
        List<CurveSnapshot> list = new ArrayList<>();
        for (Curve c : curves) list.add(new CurveSnapshot(c.label, c.yours, c.experiment.plan().config(), c.experiment.snapshot()));
        return new Snapshot(measure, List.copyOf(list), halfway == null ? List.of() : List.of(halfway), maze.switchStep());
    }

    private record Curve(String label, boolean yours, DynaExperiment experiment) {}

    /** One curve: its label, whether it is the student's agent, its settings and its statistics so far. */
    public record CurveSnapshot(String label, boolean yours, DynaConfig config, DynaStatistics statistics) {}

    /**
     * @param measure    what the curves hold
     * @param curves     the curves, the book's first
     * @param halfway    Figure 8.3's two policies (n = 0, then n = 50); empty until computed
     * @param switchStep when the maze changes ({@link Maze#NEVER} if it does not)
     */
    public record Snapshot(Measure measure, List<CurveSnapshot> curves, List<HalfwayPolicy> halfway, long switchStep) {

        /** Whether every curve has all its runs. */
        public boolean complete() {
            return !halfway.isEmpty() && curves.stream().allMatch(c -> c.statistics().complete());
        }
    }
}
