package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.BehaviourGraph;

/** Imagined trajectories follow the world model and the actor step by step, and their λ-returns are LambdaReturn's. */
class ImaginationTest {
    private static final DreamerNetworks SHIPPED = shipped();
    private static final FrozenRssm MODEL = SHIPPED.model();
    private static final int ACTOR_UNITS = 7, CRITIC_UNITS = 5;

    private static DreamerNetworks shipped() {
        try {
            return DreamerNetworks.shipped();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A posterior state after three frames of a held-out episode. */
    private static FrozenRssm.State start() {
        PixelEpisodes heldOut = DreamerData.heldOut(SHIPPED.seed());
        FrozenRssm.State s = null;
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int t = 0; t < 3; t++) {
            heldOut.frame(1, 20 + t, frame);
            s = MODEL.observe(s, t == 0 ? 0 : heldOut.action(1, 19 + t), frame, null);
        }
        return s;
    }

    private static List<float[]> randomMlp(RandomGenerator r, int in, int units, int out) {
        int[] lengths = {in * units, units, units * units, units, units * out, out};
        List<float[]> w = new ArrayList<>();
        for (int n : lengths) {
            float[] a = new float[n];
            for (int k = 0; k < n; k++) a[k] = (float) (r.nextGaussian() / Math.sqrt(Math.min(n, in)));
            w.add(a);
        }
        return w;
    }

    private static DreamerNetworks withSections(List<DreamerNetworks.Section> sections) {
        return new DreamerNetworks(MODEL, SHIPPED.seed(), SHIPPED.episodes(), SHIPPED.updates(), SHIPPED.meanFrame(), sections);
    }

    private static final List<float[]> ACTOR = randomMlp(Seeds.random(3), 80, ACTOR_UNITS, 2);
    private static final List<float[]> CRITIC = randomMlp(Seeds.random(4), 80, CRITIC_UNITS, 1);

    private static FrozenActor directActor() {
        return new FrozenActor(new BehaviourGraph.Sizes(64, 16, 64, ACTOR_UNITS, CRITIC_UNITS, 1, 1),
                ACTOR.toArray(new float[0][]), CRITIC.toArray(new float[0][]), BehaviourGraph.valueScale(0.99));
    }

    @Test
    void givenTorquesAreImaginedStepByStepWithZeroValues() {
        FrozenRssm.State s0 = start();
        double[] torques = {1.5, -2, 0.25, 3};
        Imagination.Trajectory t = Imagination.withTorques(MODEL, s0, torques);
        assertEquals(4, t.horizon());
        assertFalse(t.byActor());
        FrozenRssm.State s = s0;
        for (int k = 0; k < 4; k++) {
            s = MODEL.imagine(s, torques[k], null);
            assertArrayEquals(s.h(), t.states().get(k + 1).h(), 0, "h of s_" + (k + 1));
            assertArrayEquals(s.z(), t.states().get(k + 1).z(), 0, "z of s_" + (k + 1));
            assertEquals(MODEL.reward(s), t.rewards()[k], 0, "r_" + k + " is the reward head on s_" + (k + 1));
        }
        assertArrayEquals(new double[5], t.values(), 0);
        assertArrayEquals(torques, t.torques(), 0);
    }

    @Test
    void withoutACriticTheLambdaReturnIsTheRewardSumDiscountedByGammaTimesLambda() {
        Imagination.Trajectory t = Imagination.withTorques(MODEL, start(), new double[] {0.5, -1, 2, 0, -0.5, 1});
        double[] r = t.rewards();
        for (double lambda : new double[] {0, 0.5, 0.95, 1}) {
            double gamma = 0.9;
            double[] v = t.lambdaReturns(gamma, lambda);
            for (int from = 0; from < r.length; from++) {
                double sum = 0;
                for (int k = from; k < r.length; k++) sum += Math.pow(gamma * lambda, k - from) * r[k];
                assertEquals(sum, v[from], 1e-9, "λ = " + lambda + ", t = " + from);
            }
        }
    }

    @Test
    void theActorPicksItsMeanActionsAndTheCriticValuesEveryState() {
        FrozenActor actor = directActor();
        FrozenRssm.State s = start();
        Imagination.Trajectory t = Imagination.withActor(MODEL, actor, s, 5);
        assertTrue(t.byActor());
        for (int k = 0; k < 5; k++) {
            assertEquals(2 * actor.meanAction(s), t.torques()[k], 1e-12, "u_" + k);
            assertEquals(actor.value(s), t.values()[k], 1e-12, "v_" + k);
            s = MODEL.imagine(s, t.torques()[k], null);
            assertEquals(MODEL.reward(s), t.rewards()[k], 0, "r_" + k);
        }
        assertEquals(actor.value(s), t.values()[5], 1e-12, "v_H");
        assertArrayEquals(LambdaReturn.compute(t.rewards(), t.values(), 0.99, 0.95), t.lambdaReturns(0.99, 0.95), 0);
    }

    @Test
    void twoStepsWrittenOutByHand() {
        Imagination.Trajectory t = Imagination.withActor(MODEL, directActor(), start(), 2);
        double[] r = t.rewards(), v = t.values();
        double gamma = 0.97, lambda = 0.6;
        double v1 = r[1] + gamma * v[2];
        double v0 = r[0] + gamma * ((1 - lambda) * v[1] + lambda * v1);
        double[] got = t.lambdaReturns(gamma, lambda);
        assertEquals(v1, got[1], 1e-9);
        assertEquals(v0, got[0], 1e-9);
        // λ = 0: the one-step target; λ = 1: every reward, then the last value.
        assertEquals(r[0] + gamma * v[1], t.lambdaReturns(gamma, 0)[0], 1e-9);
        assertEquals(r[0] + gamma * r[1] + gamma * gamma * v[2], t.lambdaReturns(gamma, 1)[0], 1e-9);
    }

    @Test
    void theSameStartGivesTheSameTrajectory() {
        FrozenActor actor = directActor();
        Imagination.Trajectory a = Imagination.withActor(MODEL, actor, start(), 8);
        Imagination.Trajectory b = Imagination.withActor(MODEL, actor, start(), 8);
        assertArrayEquals(a.torques(), b.torques(), 0);
        assertArrayEquals(a.rewards(), b.rewards(), 0);
        assertArrayEquals(a.values(), b.values(), 0);
    }

    @Test
    void theActorAndCriticSectionsOfAFileBuildTheSameNetworks() {
        DreamerNetworks n = withSections(List.of(new DreamerNetworks.Section("curve", List.of()),
                new DreamerNetworks.Section(Imagination.ACTOR_SECTION, ACTOR),
                new DreamerNetworks.Section(Imagination.CRITIC_SECTION, CRITIC)));
        FrozenActor fromFile = Imagination.behaviour(n).orElseThrow();
        FrozenActor direct = directActor();
        FrozenRssm.State s = start();
        for (int k = 0; k < 4; k++) {
            assertEquals(direct.meanAction(s), fromFile.meanAction(s), 0);
            assertEquals(direct.value(s), fromFile.value(s), 0);
            s = MODEL.imagine(s, 1, null);
        }
        // κ = 1 / (1 − 0.99): the critic's output times 100.
        assertEquals(100, BehaviourGraph.valueScale(DreamerConfig.defaults().gamma()), 1e-9);
    }

    @Test
    void aFileWithoutSectionsHasNoActorAndBrokenSectionsAreRefused() {
        assertTrue(Imagination.behaviour(SHIPPED.sections().isEmpty() ? SHIPPED : withSections(List.of())).isEmpty());
        IllegalArgumentException onlyActor = assertThrows(IllegalArgumentException.class,
                () -> Imagination.behaviour(withSections(List.of(new DreamerNetworks.Section("actor", ACTOR)))));
        assertTrue(onlyActor.getMessage().contains("no \"critic\""), onlyActor.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Imagination.behaviour(withSections(List.of(
                new DreamerNetworks.Section("actor", ACTOR.subList(0, 5)), new DreamerNetworks.Section("critic", CRITIC)))));
        // An actor for another world model: its first matrix does not take [h, z] of 80 values.
        List<float[]> narrow = randomMlp(Seeds.random(5), 70, ACTOR_UNITS, 2);
        assertThrows(IllegalArgumentException.class, () -> Imagination.behaviour(withSections(List.of(
                new DreamerNetworks.Section("actor", narrow), new DreamerNetworks.Section("critic", CRITIC)))));
    }

    @Test
    void horizonsOutOfRangeAreRefused() {
        FrozenRssm.State s = start();
        assertThrows(IllegalArgumentException.class, () -> Imagination.withTorques(MODEL, s, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Imagination.withActor(MODEL, directActor(), s, 0));
        assertThrows(IllegalArgumentException.class, () -> Imagination.withActor(MODEL, directActor(), s, Imagination.MAX_HORIZON + 1));
        assertThrows(IllegalArgumentException.class, () -> Imagination.withTorques(MODEL, s, new double[] {Double.NaN}));
    }
}
