package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.GaussianKl;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelPendulum;

/** The new views' numbers are the engine's, on the strip's own states. */
class DreamerViewsViewModelTest {

    private static DreamerViewModel shipped() {
        DreamerViewModel vm = new DreamerViewModel();
        vm.useShipped();
        return vm;
    }

    @Test
    void theLatentStateIsTheOpenLoopRolloutsStatesWithTheirKl() {
        DreamerViewModel vm = shipped();
        DreamerNetworks n = vm.modelProperty().get();
        vm.contextProperty().set(10);
        vm.sequenceProperty().set(7);
        OpenLoop openLoop = new OpenLoop(DreamerData.heldOut(n.seed()), n.meanFrame(), 10, 15, DreamerViewModel.SEQUENCES);
        List<FrozenRssm.State> states = openLoop.rollout(n.model(), 7).states();
        DreamerViewModel.Latent l = vm.latentProperty().get();
        assertEquals(25, l.h().size());
        for (int k = 0; k < 25; k++) {
            assertArrayEquals(states.get(k).h(), l.h().get(k), 0, "h of step " + k);
            assertArrayEquals(states.get(k).z(), l.z().get(k), 0, "z of step " + k);
        }
        for (int k = 0; k < 10; k++) {
            assertArrayEquals(states.get(k).mean(), l.posteriorMean().get(k), 0);
            assertArrayEquals(n.model().prior(states.get(k))[0], l.priorMean().get(k), 0);
            assertEquals(GaussianKl.posteriorToPrior(n.model(), states.get(k)), l.kl()[k], 0, "KL of context step " + k);
        }
        // The first step's prior has seen nothing (h = 0): the frame surprises it most.
        assertTrue(l.kl()[0] > l.kl()[9], "KL " + l.kl()[0] + " then " + l.kl()[9]);
    }

    @Test
    void withoutAnActorTheLambdaTrajectoryIsTheStripsImagination() {
        DreamerNetworks agent = DreamerViewModel.readShipped();
        DreamerNetworks alone = new DreamerNetworks(agent.model(), agent.seed(), agent.episodes(), agent.updates(),
                agent.meanFrame(), List.of());
        DreamerViewModel vm = new DreamerViewModel();
        vm.setShippedSource(() -> alone);
        vm.useShipped();
        DreamerNetworks n = vm.modelProperty().get();
        vm.sequenceProperty().set(3);
        OpenLoop openLoop = new OpenLoop(DreamerData.heldOut(n.seed()), n.meanFrame(), 5, 15, DreamerViewModel.SEQUENCES);
        // The strip's windows with 5 context frames start 5 steps later than OpenLoop's of 5 + 15: compare by rolling the strip's.
        List<float[]> decoded = vm.stripProperty().get().model();
        ReturnsViewModel.Returns r = vm.returns().returnsProperty().get();
        assertFalse(r.byActor());
        assertEquals(15, r.horizon());
        assertArrayEquals(new double[16], r.values(), 0);
        DreamerViewModel.Window w = DreamerViewModel.window(3, 5);
        FrozenRssm m = n.model();
        FrozenRssm.State s = DreamerViewModel.filter(m, DreamerData.heldOut(n.seed()), w);
        for (int t = 0; t < 15; t++) {
            s = m.imagine(s, DreamerData.heldOut(n.seed()).action(w.episode(), w.start() + 4 + t), null);
            assertEquals(m.reward(s), r.rewards()[t], 0, "r_" + t);
            assertArrayEquals(m.decode(s), decoded.get(5 + t), 0, "the strip's imagined frame " + (t + 1) + " is s_" + (t + 1));
        }
        assertTrue(openLoop.sequences() > 0);
    }

    @Test
    void theHorizonSliderCutsTheTrajectoryAndKeepsTheStepInside() {
        DreamerViewModel vm = shipped();
        ReturnsViewModel rv = vm.returns();
        rv.stepProperty().set(12);
        ReturnsViewModel.Returns full = rv.returnsProperty().get();
        rv.horizonProperty().set(6);
        ReturnsViewModel.Returns cut = rv.returnsProperty().get();
        assertEquals(6, cut.horizon());
        assertEquals(5, cut.t(), "t stays below H");
        for (int t = 0; t < 6; t++) assertEquals(full.rewards()[t], cut.rewards()[t], 0);
    }

    @Test
    void drivingIsDeterministicAndTheRealSideIsThePendulum() {
        DreamerViewModel vm = shipped();
        DriveViewModel a = vm.drive();
        DriveViewModel b = new DriveViewModel();
        b.setModel(vm.inUse());
        double[] torques = {2, 2, -1, 0, 0.5};
        for (double u : torques) {
            a.step(u);
            b.step(u);
        }
        assertArrayEquals(a.viewProperty().get().imaginedFrame(), b.viewProperty().get().imaginedFrame(), 0);
        assertArrayEquals(a.viewProperty().get().realRewards(), b.viewProperty().get().realRewards(), 0);
        // The real side replayed by hand: the first start's seed, 4 free steps of context, then the torques.
        PixelPendulum p = new PixelPendulum(Seeds.random(vm.modelProperty().get().seed() + DriveViewModel.SEED_OFFSET).nextLong());
        for (int k = 1; k < DriveViewModel.CONTEXT; k++) p.step(0);
        for (int k = 0; k < torques.length; k++) assertEquals(p.step(torques[k]), a.viewProperty().get().realRewards()[k], 0);
        float[] frame = new float[PixelPendulum.PIXELS];
        p.render(frame);
        assertArrayEquals(frame, a.viewProperty().get().realFrame(), 0);
        // A reset starts elsewhere.
        a.reset();
        assertEquals(0, a.viewProperty().get().step());
        assertFalse(java.util.Arrays.equals(b.viewProperty().get().realFrame(), a.viewProperty().get().realFrame()));
    }

    @Test
    void theExplanationWritesTheRecursionOutWithTheNumbers() {
        double[] rewards = {-1, -2, -4};
        double[] values = {-10, -20, -30, -40};
        double gamma = 0.9, lambda = 0.5;
        double[] chosen = org.mbrllab.engine.dreamer.LambdaReturn.compute(rewards, values, gamma, lambda);
        // By hand: V(2) = −4 + 0.9·(−40) = −40; V(1) = −2 + 0.9·(0.5·(−30) + 0.5·(−40)) = −33.5.
        assertEquals(-40, chosen[2], 1e-12);
        assertEquals(-33.5, chosen[1], 1e-12);
        ReturnsViewModel.Returns r = new ReturnsViewModel.Returns(new double[] {1, -2, 0.5}, rewards, values, gamma, lambda, 1, chosen,
                org.mbrllab.engine.dreamer.LambdaReturn.compute(rewards, values, gamma, 0),
                org.mbrllab.engine.dreamer.LambdaReturn.compute(rewards, values, gamma, 0.95),
                org.mbrllab.engine.dreamer.LambdaReturn.compute(rewards, values, gamma, 1), true, "");
        String md = ReturnsExplanation.markdown(r);
        assertTrue(md.contains("V_\\lambda(1) & = -2.00 + 0.90\\,\\big[0.50 \\cdot (-30.00) + 0.50 \\cdot (-40.00)\\big]"), md);
        assertTrue(md.contains(" & = -33.50"), md);
        assertTrue(md.contains("reached with -2.00 N·m"), md);
        assertTrue(md.contains("= " + String.format(java.util.Locale.ROOT, "%.2f", -2 + 0.9 * -30)), "λ = 0: " + md);
    }
}
