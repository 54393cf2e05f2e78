package org.mbrllab.app.lessons.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.engine.worldmodels.Dodge;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;

/**
 * The World Models view-model on the shipped networks (whichever file the build holds; nothing here
 * depends on how well it is trained), with a synchronous runner and tiny settings for the stages.
 */
class WorldModelsViewModelTest {

    /** CMA-ES small enough to run in a test: 2 generations of 4 candidates × 2 dreams, 3 real episodes. */
    static final Map<String, Double> TINY = Map.of("generations", 2.0, "population", 4.0, "dreams", 2.0, "episodes", 3.0);

    private WorldModelsViewModel vm;
    private WorldModelsNetworks shipped;

    @BeforeEach
    void open() {
        shipped = WorldModelsViewModel.readShipped();
        vm = new WorldModelsViewModel();
        vm.open(new PaneContext("world-models", List.of(), "", TINY), RunnerFactory.synchronous());
    }

    private static float maxDifference(float[] a, float[] b) {
        float d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    @Test
    void opensOnTheShippedNetworksWithTheirControllersInTable2() {
        WorldModelsViewModel.Agent a = vm.agentProperty().get();
        assertEquals("shipped", a.source());
        assertEquals(shipped.controllers().size(), a.controllers().size());
        List<WorldModelsViewModel.Row> rows = vm.tableProperty().get();
        assertEquals(WorldModelsViewModel.TABLE_TAUS, rows.stream().map(WorldModelsViewModel.Row::tau).toList());
        for (WorldModelsViewModel.Row r : rows) {
            TrainedController c = shipped.controllers().stream()
                    .filter(x -> Math.abs(x.temperature() - r.tau()) < 1e-9).findFirst().orElse(null);
            if (c == null) {
                assertTrue(Double.isNaN(r.dream()) && Double.isNaN(r.real()), "no controller at τ " + r.tau());
                assertEquals("—", r.source());
            } else {
                assertEquals(c.dreamScore(), r.dream(), 0.0, "τ " + r.tau());
                assertEquals(c.realScore(), r.real(), 0.0, "τ " + r.tau());
                assertEquals("shipped file", r.source());
            }
        }
        assertNotNull(vm.controllerProperty().get(), "a controller drives the dream");
        double random = vm.randomScoreProperty().get();
        assertTrue(random > 5 && random < 60, "a random policy survives a few dozen steps: " + random);
    }

    @Test
    void movingAZSliderDecodesADifferentFrame() {
        VisionViewModel v = vm.vision();
        float[] before = v.decodedProperty().get().clone();
        int dimension = v.dimension(0);
        double now = v.slider(0).get();

        v.slider(0).set(now > 0 ? -VisionViewModel.RANGE : VisionViewModel.RANGE);

        assertEquals(now > 0 ? -2.5 : 2.5, v.latentProperty().get()[dimension], 1e-6, "the slider sets its dimension of z");
        assertTrue(maxDifference(before, v.decodedProperty().get()) > 0.01,
                "a pixel changes by more than 0.01: " + maxDifference(before, v.decodedProperty().get()));
    }

    @Test
    void theSlidersMoveDistinctDimensionsThatVaryMostOverRealFrames() {
        VisionViewModel v = vm.vision();
        int[] dims = VisionViewModel.mostUsed(shipped.v(), 400, 3);
        assertEquals(Math.min(VisionViewModel.SLIDERS, shipped.v().latent()), dims.length);
        assertEquals(dims.length, java.util.Arrays.stream(dims).distinct().count());
        for (int i = 0; i < dims.length; i++) assertTrue(v.dimension(i) >= 0 && v.dimension(i) < shipped.v().latent());
    }

    @Test
    void randomFrameShowsARealFrameAndItsCode() {
        VisionViewModel v = vm.vision();
        v.randomFrame();
        float[] frame = v.frameProperty().get();
        assertEquals(Dodge.PIXELS, frame.length);
        assertEquals(Dodge.AGENT_SHADE, frame[Dodge.AGENT_ROW * Dodge.SIDE + Dodge.VIEW_AGENT_X], 1e-6,
                "the agent sits on the bottom row, where the camera keeps it");
        assertTrue(v.error() < 0.25, "the reconstruction is closer than a blank guess: " + v.error());
        float[] z = v.latentProperty().get().clone();
        v.randomZ();
        assertTrue(maxDifference(z, v.latentProperty().get()) > 0, "a new z");
    }

    @Test
    void aHeldKeyDrivesTheDreamAndTheRealGameAndReleasingItStays() {
        DreamViewModel d = vm.dream();
        d.press(Dodge.Action.LEFT);
        d.tick();
        assertEquals(DreamViewModel.Driver.PERSON, d.driverProperty().get());
        assertEquals(Dodge.Action.LEFT, d.viewProperty().get().action());
        d.release(Dodge.Action.LEFT);
        d.tick();
        assertEquals(Dodge.Action.STAY, d.viewProperty().get().action(), "no key held: the person's agent stays");
        d.press(Dodge.Action.RIGHT);
        d.tick();
        assertEquals(Dodge.Action.RIGHT, d.viewProperty().get().action());
    }

    @Test
    void theControllerDrivesUntilAKeyIsPressedWithItsOwnOutput() {
        DreamViewModel d = vm.dream();
        for (int i = 0; i < 5; i++) {
            d.tick();
            DreamViewModel.View v = d.viewProperty().get();
            assertEquals(org.mbrllab.engine.worldmodels.LinearController.action(v.output()), v.action(),
                    "C's action is its output's");
            assertTrue(v.doneChance() >= 0 && v.doneChance() <= 1);
        }
    }

    @Test
    void tauIsKeptWithinTheSlidersRange() {
        DreamViewModel d = vm.dream();
        d.tauProperty().set(0.3);
        assertEquals(0.3, d.tauProperty().get(), 0.0);
        d.tauProperty().set(5);
        assertEquals(DreamViewModel.MAX_TAU, d.tauProperty().get(), 0.0);
        d.tauProperty().set(0);
        assertEquals(DreamViewModel.MIN_TAU, d.tauProperty().get(), 0.0);
    }

    @Test
    void evolvingCInTheDreamAddsAScoredControllerAtTheTrainingTau() {
        vm.runStage(Stage.EVOLVE_C);

        PipelineSnapshot s = vm.snapshotProperty().get();
        assertTrue(s.done());
        assertEquals(3, s.unitsTotal(), "two generations, then scoring");
        assertEquals(2, s.controller().generations());
        TrainedController c = vm.controllerProperty().get();
        assertEquals(1.0, c.temperature(), 0.0);
        assertTrue(c.dreamScore() >= 0 && c.dreamScore() <= 300, "" + c.dreamScore());
        assertTrue(c.realScore() >= 0 && c.realScore() <= 300, "" + c.realScore());
        WorldModelsViewModel.Row row = vm.tableProperty().get().get(2);
        assertEquals(1.0, row.tau(), 0.0);
        assertEquals("recomputed", row.source());
        assertEquals(c.dreamScore(), row.dream(), 0.0);
        assertTrue(WorldModelsViewModel.progressText(s).startsWith("evolve C (dream) at τ 1: generation 2 of 2"),
                WorldModelsViewModel.progressText(s));
    }

    @Test
    void recomputeFillsTheSelectedRowsAndShippedNetworksBringsTheFileBack() {
        vm.recompute(Set.of(0.1, 1.3));

        List<WorldModelsViewModel.Row> rows = vm.tableProperty().get();
        assertEquals("recomputed", rows.get(0).source());
        assertEquals("recomputed", rows.get(4).source());
        assertFalse(Double.isNaN(rows.get(0).dream()) || Double.isNaN(rows.get(0).real()));
        assertEquals(1.3, vm.controllerProperty().get().temperature(), 0.0, "the last evolved controller drives");

        vm.useShipped();

        assertEquals(shipped.controllers().size(), vm.agentProperty().get().controllers().size());
        assertFalse(vm.tableProperty().get().stream().anyMatch(r -> r.source().equals("recomputed")));
    }

    @Test
    void testingTheControllerInTheRealGameRecordsItsRealScore() {
        TrainedController before = vm.controllerProperty().get();
        vm.runStage(Stage.TEST);

        PipelineSnapshot s = vm.snapshotProperty().get();
        assertTrue(s.done());
        TrainedController after = vm.controllerProperty().get();
        assertEquals(before.temperature(), after.temperature(), 0.0);
        assertEquals(s.testedScore(), after.realScore(), 0.0);
        assertEquals(s.randomScore(), vm.randomScoreProperty().get(), 0.0);
        assertTrue(vm.networkStatusProperty().get().startsWith("Tested in the real game"), vm.networkStatusProperty().get());
    }

    @Test
    void aMissingShippedFileIsSaidAndNothingBreaks() {
        WorldModelsViewModel other = new WorldModelsViewModel();
        other.setShippedSource(() -> {
            throw new IllegalStateException("the app has no /assets/networks/world-models.wm");
        });
        other.open(new PaneContext("world-models", List.of(), "", TINY), RunnerFactory.synchronous());

        assertTrue(other.networkStatusProperty().get().startsWith("Could not load the shipped networks"),
                other.networkStatusProperty().get());
        assertNull(other.controllerProperty().get());
        other.dream().tick();
        other.vision().randomZ();
        other.runStage(Stage.EVOLVE_C);
        assertTrue(other.networkStatusProperty().get().startsWith("There is no V"), other.networkStatusProperty().get());
    }
}
