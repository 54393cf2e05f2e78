package org.mbrllab.app.lessons.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.dyna.AgentKind;
import org.mbrllab.engine.dyna.DynaPreset;
import org.mbrllab.engine.dyna.LiveStep;
import org.mbrllab.engine.dyna.Measure;

/** The Dyna view-model on synchronous runners: mazes and their book settings, presets, painting. */
class DynaViewModelTest {

    private static PaneContext context() {
        List<PaneContext.Preset> mazes = List.of(
                new PaneContext.Preset("dyna-maze", "dyna-maze.grid", DynaPreset.bundledText("dyna-maze")),
                new PaneContext.Preset("blocking", "blocking.grid", DynaPreset.bundledText("blocking")));
        Map<String, PaneContext.Preset> files = Map.of("presets/blocking-changed",
                new PaneContext.Preset("blocking-changed", "blocking-changed.grid", DynaPreset.bundledText("blocking-changed")));
        return new PaneContext("dyna", mazes, "dyna-maze", Map.of(), id -> { }, files);
    }

    private static DynaViewModel opened() {
        DynaViewModel vm = new DynaViewModel();
        vm.open(context(), org.mbrllab.app.common.RunnerFactory.synchronous());
        return vm;
    }

    @Test
    void theBlockingMazeBringsItsChangeAndTheBooksSettings() {
        DynaViewModel vm = opened();
        vm.loadMaze("blocking");
        assertTrue(vm.mazeProperty().get().changes());
        assertEquals(1000, vm.mazeProperty().get().switchStep());
        assertEquals(1.0, vm.parameters().get("alpha"), 0);
        assertEquals(10, vm.parameters().get("planning_steps"), 0);
        assertEquals(1e-4, vm.kappa(), 1e-12);
        assertEquals(20, vm.parameters().get("runs"), 0);
        assertEquals(3000, vm.figureLength());
        assertEquals(Measure.CUMULATIVE_REWARD, vm.figuresProperty().get().measure());
        assertEquals(List.of("Dyna-Q, n = 10", "Dyna-Q+, n = 10"),
                vm.figuresProperty().get().curves().stream().map(c -> c.label()).toList());
    }

    @Test
    void aPresetRoundTripsAgentStepParametersAndPaintedWalls() {
        DynaViewModel vm = opened();
        vm.agentProperty().set(AgentKind.PRIORITIZED_SWEEPING);
        vm.stepSizeProperty().set(LiveStep.PLANNING_UPDATE);
        vm.parameters().set("planning_steps", 7);
        assertNull(vm.paint(3, 7));
        String text = vm.presetText();

        DynaViewModel other = opened();
        other.loadPreset(text, "saved.dyna");
        assertEquals(AgentKind.PRIORITIZED_SWEEPING, other.agentProperty().get());
        assertEquals(LiveStep.PLANNING_UPDATE, other.stepSizeProperty().get());
        assertEquals(7, other.parameters().get("planning_steps"), 0);
        assertTrue(other.mazeProperty().get().isWall(3 * 9 + 7, 0));
        assertEquals(text, other.presetText());
    }

    @Test
    void theModelLineSaysWhenTheBonusPassesTheGoalAndListsTheQueue() {
        DynaViewModel vm = opened();
        vm.agentProperty().set(AgentKind.DYNA_Q_PLUS);
        vm.parameters().set("kappa_exp", -2);
        vm.step();
        assertTrue(DynaPane.modelText(vm.snapshotProperty().get()).contains("after τ = 1/κ² = 10000 real steps"),
                DynaPane.modelText(vm.snapshotProperty().get()));
        vm.agentProperty().set(AgentKind.PRIORITIZED_SWEEPING);
        vm.stepSizeProperty().set(LiveStep.EPISODE);
        vm.parameters().set("planning_steps", 1);
        vm.step(); // the first episode ends at G: the last pair has priority 1 (R = 1), and its update queues its predecessors
        vm.stepSizeProperty().set(LiveStep.REAL_STEP);
        String text = DynaPane.modelText(vm.snapshotProperty().get());
        assertTrue(text.matches(".*queue: \\d+ pairs?(, first \\(\\d, \\d\\) . [0-9.e-]+.*)?"), text);
    }

    @Test
    void badPresetLinesAndBadPaintingAreExplained() {
        DynaViewModel vm = opened();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.loadPreset("agent: sarsa\n", "x.dyna"));
        assertEquals("x.dyna, line 1: unknown agent 'sarsa' (agents: q-learning, dyna-q, dyna-q+, prioritized-sweeping)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vm.loadPreset("alpha: 3\n", "x.dyna"));
        assertTrue(e.getMessage().startsWith("x.dyna, line 1: alpha = 3 is out of range"), e.getMessage());
        String why = vm.paint(2, 0);
        assertNotNull(why);
        assertTrue(why.contains("start"), why);
        assertEquals(0.1, vm.parameters().get("alpha"), 0, "nothing changed");
    }
}
