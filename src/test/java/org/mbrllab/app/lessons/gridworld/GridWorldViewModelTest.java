package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.GridLayout;

/** Drives the grid-world view-model synchronously, without the toolkit. */
class GridWorldViewModelTest {

    private final GridWorldViewModel vm = new GridWorldViewModel();

    static String preset(String name) throws IOException {
        try (InputStream in = GridWorldViewModelTest.class.getResourceAsStream("/lessons/dynamic-programming/presets/" + name + ".grid")) {
            assertNotNull(in, "preset " + name + " is packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void open() throws IOException {
        List<PaneContext.Preset> presets = List.of(
                new PaneContext.Preset("sutton-barto-3.5", "sutton-barto-3.5.grid", preset("sutton-barto-3.5")),
                new PaneContext.Preset("sutton-barto-4.1", "sutton-barto-4.1.grid", preset("sutton-barto-4.1")));
        vm.open(new PaneContext("dynamic-programming", presets, "sutton-barto-3.5", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private DpSnapshot snap() {
        return vm.snapshotProperty().get();
    }

    @Test
    void openingLoadsTheDefaultPresetAndItsParameters() {
        assertEquals("sutton-barto-3.5", vm.presetNameProperty().get());
        assertEquals(0.9, vm.parameters().get("gamma"));
        assertEquals(5, vm.parameters().get("rows"));
        assertEquals(Algorithm.VALUE_ITERATION, vm.algorithmProperty().get());
    }

    @Test
    void stepToConvergenceReachesFigure3_5() {
        vm.stepSizeProperty().set(StepSize.CONVERGE);
        vm.step();
        assertTrue(snap().converged());
        assertEquals(24.4, snap().values()[1], 0.05, "v*(A), Sutton & Barto Figure 3.5");
    }

    @Test
    void oneBackupStepExplainsTheFirstState() {
        vm.stepSizeProperty().set(StepSize.BACKUP);
        vm.step();
        assertNotNull(snap().lastBackup());
        assertEquals(0, snap().lastBackup().state());
        String md = BackupExplanation.markdown(snap().lastBackup(), snap().cols());
        assertTrue(md.contains("\\max_a"), md);
        assertTrue(md.contains("Backup of state (0, 0)"), md);
    }

    @Test
    void changingGammaAfterConvergenceConvergesAgainToTheNewValues() {
        vm.stepSizeProperty().set(StepSize.CONVERGE);
        vm.step();
        double before = snap().values()[1];
        vm.parameters().set("gamma", 0.5);
        assertTrue(snap().converged(), "a converged run re-converges after a change");
        assertNotEquals(before, snap().values()[1], 1e-6);
        // With γ = 0.5, A's value is 10 / (1 − 0.5³)·… — at least it must be below the γ = 0.9 value and above 10.
        assertTrue(snap().values()[1] > 10 && snap().values()[1] < before, "v*(A) with γ 0.5: " + snap().values()[1]);
    }

    @Test
    void paintingAWallChangesTheLayoutAndTheValues() {
        vm.toolProperty().set(PaintTool.WALL);
        vm.paint(2, 2);
        assertEquals(GridLayout.Kind.WALL, vm.layout().cell(2, 2).kind());
        assertTrue(snap().wall()[2 * 5 + 2]);
        assertTrue(Double.isNaN(snap().values()[2 * 5 + 2]));
    }

    @Test
    void resizingKeepsTheOverlap() {
        vm.parameters().set("cols", 7);
        assertEquals(7, vm.layout().cols());
        assertEquals(7, snap().cols());
        assertEquals(GridLayout.Kind.TELEPORT, vm.layout().cell(0, 1).kind(), "A survives the resize");
    }

    @Test
    void badPresetTextIsRefusedAndNothingChanges() {
        String before = vm.presetText();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.loadLayout("grid:\n..Q\n", "broken.grid"));
        assertTrue(e.getMessage().startsWith("broken.grid:2"), e.getMessage());
        assertEquals(before, vm.presetText());
    }

    @Test
    void savedPresetLoadsBackToTheSameWorld() {
        vm.parameters().set("gamma", 0.75);
        vm.toolProperty().set(PaintTool.PIT);
        vm.paint(4, 4);
        String saved = vm.presetText();
        vm.loadPreset("sutton-barto-4.1");
        vm.loadLayout(saved, "saved.grid");
        assertEquals(0.75, vm.parameters().get("gamma"));
        assertEquals(GridLayout.Kind.PIT, vm.layout().cell(4, 4).kind());
    }

    /** What the window remembers across a restart is preset text; loading it back must name the preset again. */
    @Test
    void restoringAnUnchangedPresetsTextNamesThatPreset() {
        vm.loadPreset("sutton-barto-4.1");
        String remembered = vm.presetText();
        vm.loadPreset("sutton-barto-3.5");
        vm.loadLayout(remembered, "remembered");
        assertEquals("sutton-barto-4.1", vm.presetNameProperty().get());
    }

    @Test
    void restoringAnEditedPresetNamesThePresetItCameFromAsTheOpenLessonDid() {
        vm.loadPreset("sutton-barto-4.1");
        vm.toolProperty().set(PaintTool.WALL);
        vm.paint(1, 1);
        vm.parameters().set("gamma", 0.5);
        assertEquals("sutton-barto-4.1", vm.presetNameProperty().get(), "edits keep the name while the lesson is open");
        String remembered = vm.presetText();
        vm.loadPreset("sutton-barto-3.5");
        vm.loadLayout(remembered, "remembered");
        assertEquals("sutton-barto-4.1", vm.presetNameProperty().get());
        assertEquals(GridLayout.Kind.WALL, vm.layout().cell(1, 1).kind());
    }

    @Test
    void aGridFromNoPresetLeavesTheMenuEmpty() {
        vm.loadLayout("name: my corridor\ngrid:\n. . G\n", "corridor.grid");
        assertEquals("", vm.presetNameProperty().get());
    }

    @Test
    void divergingPolicyEvaluationStopsWithAnExplanation() {
        vm.loadLayout("algorithm: policy-evaluation\ngamma: 0.9\nliving_reward: -1\ngrid:\n. . .\n. . .\n", "closed.grid");
        vm.parameters().set("gamma", 1.0);
        vm.toggleRun();
        assertTrue(vm.errorProperty().get().contains("γ"), vm.errorProperty().get());
        assertTrue(vm.statusProperty().get().contains("diverged"), vm.statusProperty().get());
        vm.parameters().set("gamma", 0.9);
        vm.reset();
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void playFollowsTheGreedyPolicyToTheEnd() throws IOException {
        vm.loadPreset("sutton-barto-4.1");
        vm.algorithmProperty().set(Algorithm.VALUE_ITERATION);
        vm.stepSizeProperty().set(StepSize.CONVERGE);
        vm.step();
        vm.play();
        var e = vm.episodeProperty().get();
        assertNotNull(e);
        assertTrue(e.finished());
        assertEquals("reached a terminal cell", e.outcome());
        assertEquals(-e.steps(), e.totalReward(), 1e-12, "every move costs 1 in Example 4.1");
    }

    /**
     * The MDP of a 300 × 300 grid takes tens of milliseconds to build: opening, a γ drag and a painted
     * wall build it on the worker, never on the thread that moved the slider (the FX thread in the app).
     */
    @Test
    void theWorldsMdpIsBuiltOnTheWorkerNotOnTheCallersThread() throws Exception {
        GridWorldViewModel threaded = new GridWorldViewModel();
        java.util.Set<Thread> builders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch built = new java.util.concurrent.CountDownLatch(3);
        threaded.setWorldBuilder(l -> {
            builders.add(Thread.currentThread());
            built.countDown();
            return new org.mbrllab.engine.dp.GridWorld(l);
        });
        RunnerFactory workers = new RunnerFactory() {
            @Override
            public <E extends org.mbrllab.engine.run.Engine<S>, S> org.mbrllab.engine.run.Runner<E, S> create(
                    String name, java.util.function.Consumer<org.mbrllab.engine.run.Published<S>> listener) {
                return org.mbrllab.engine.run.Runner.threaded(name, Runnable::run, listener);
            }

            @Override public boolean isSynchronous() { return false; }
        };
        try {
            threaded.open(new PaneContext("dynamic-programming", List.of(), "", Map.of()), workers);
            threaded.parameters().set("gamma", 0.5);
            threaded.toolProperty().set(PaintTool.WALL);
            threaded.paint(1, 1);
            assertTrue(built.await(10, java.util.concurrent.TimeUnit.SECONDS), "three worlds built");
            assertTrue(!builders.contains(Thread.currentThread()), "a world was built on the caller's thread");
        } finally {
            threaded.close();
        }
    }
}
