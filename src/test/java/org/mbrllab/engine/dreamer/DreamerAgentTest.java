package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;

/** Algorithm 1's loop on the tiny agent: its schedule, its seeds, and what it records. */
class DreamerAgentTest {

    private static DreamerAgent runToEnd(DreamerConfig config) {
        DreamerAgent agent = new DreamerAgent(config);
        int guard = 0;
        while (agent.step()) {
            if (++guard > 10_000) throw new AssertionError("the loop did not end");
        }
        return agent;
    }

    @Test
    void seedEpisodesComeFirstThenOneEpisodePerCUpdatesUntilTheConfiguredCount() {
        DreamerConfig c = DreamerConfig.tiny(); // S = 2, C = 3, 4 episodes
        DreamerAgent agent = new DreamerAgent(c);
        assertEquals(2, agent.snapshot().episodes().size());
        assertTrue(agent.step());
        assertTrue(agent.step());
        assertEquals(2, agent.snapshot().episodes().size());
        assertTrue(agent.step());
        assertEquals(3, agent.snapshot().episodes().size());
        while (agent.step()) { /* to the end */ }
        DreamerSnapshot s = agent.snapshot();
        assertTrue(s.done() && agent.isDone());
        assertFalse(agent.step());
        assertEquals(6, s.updates());
        List<DreamerEpisode> e = s.episodes();
        assertEquals(4, e.size());
        assertTrue(e.get(0).random() && e.get(1).random());
        assertFalse(e.get(2).random() || e.get(3).random());
        assertEquals(3, e.get(2).modelUpdates());
        assertEquals(6, e.get(3).behaviourUpdates());
        assertEquals(400, e.get(3).envSteps());
        assertEquals(4, agent.replay().episodes());
        // The recorded returns are the replay's.
        for (int i = 0; i < 4; i++) assertEquals(agent.replay().episodeReturn(i), e.get(i).realReturn(), 1e-12);
        assertTrue(s.modelLoss() != null && s.behaviour().length == 4);
    }

    @Test
    void theSameSeedGivesTheSameEpisodesAndAnotherSeedOthers() {
        double[] a = returns(runToEnd(DreamerConfig.tiny()));
        double[] b = returns(runToEnd(DreamerConfig.tiny()));
        double[] c = returns(runToEnd(DreamerConfig.tiny().withSeed(2)));
        assertArrayEquals(a, b, 0);
        assertTrue(a[2] != c[2], "another seed, another actor episode");
    }

    private static double[] returns(DreamerAgent agent) {
        return agent.snapshot().episodes().stream().mapToDouble(DreamerEpisode::realReturn).toArray();
    }

    @Test
    void theGreedyEvaluationLeavesTheReplayAloneAndIsDeterministic() {
        DreamerAgent agent = new DreamerAgent(DreamerConfig.tiny());
        agent.step();
        double first = agent.evaluate(2, 5);
        assertEquals(first, agent.evaluate(2, 5), 0);
        assertEquals(2, agent.replay().episodes());
        // A pendulum's return over 100 steps lies between about −3,300 (every step at the worst cost) and 0.
        assertTrue(first < 0 && first > -3300, "return " + first);
    }

    /**
     * The agent's file, read back as the lesson reads it: the actor and critic act and value as the agent's own
     * plain-Java copies (κ from the γ the file records, here 0.9, not the default 0.99), and the curve holds every
     * episode's steps and return.
     */
    @Test
    void theAgentsFileCarriesItsActorCriticDiscountAndCurve() throws Exception {
        DreamerConfig c = DreamerConfig.tiny();
        c = new DreamerConfig(c.world(), c.horizon(), 0.9, 0.5, c.actorUnits(), c.criticUnits(), c.behaviourRate(),
                c.entropy(), c.gradientClip(), c.seedEpisodes(), c.updatesPerEpisode(), c.explorationNoise(), c.episodes(),
                c.seed());
        DreamerAgent agent = runToEnd(c);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        agent.networks(-1234.5).write(bytes);
        DreamerNetworks file = DreamerNetworks.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(0.9, Imagination.trainedGamma(file), 1e-7);
        FrozenActor read = Imagination.behaviour(file).orElseThrow();
        FrozenActor own = agent.freezeActor();
        FrozenRssm model = file.model();
        float[] frame = new float[PixelPendulum.PIXELS];
        agent.replay().frame(3, 40, frame);
        FrozenRssm.State s = model.observe(null, 0.5, frame, null);
        assertEquals(own.meanAction(s), read.meanAction(s), 0);
        // κ = 10 for γ = 0.9; had the file been read with the default γ = 0.99 (κ = 100) the values would differ 10×.
        assertTrue(own.value(s) != 0);
        assertEquals(own.value(s), read.value(s), 1e-6 * Math.abs(own.value(s)), "γ is stored as a float");
        TrainingCurve curve = TrainingCurve.of(file).orElseThrow();
        assertEquals(4, curve.points());
        assertEquals(-1234.5, curve.randomReturn(), 1e-3);
        for (int i = 0; i < 4; i++) {
            assertEquals(100.0 * (i + 1), curve.envSteps()[i], 0);
            assertEquals(agent.snapshot().episodes().get(i).realReturn(), curve.returns()[i], 1e-3);
        }
    }

    @Test
    void theRandomPolicysReturnIsTheMeanOfItsEpisodes() {
        PixelEpisodes e = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 11);
        double mean = (e.episodeReturn(0) + e.episodeReturn(1) + e.episodeReturn(2)) / 3;
        assertEquals(mean, DreamerAgent.randomPolicyReturn(3, 11), 1e-9);
    }

    @Test
    void fewerEpisodesThanSeedEpisodesPlusOneAreRefusedNamingTheField() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> DreamerConfig.tiny().withEpisodes(2));
        assertTrue(e.getMessage().contains("episodes"), e.getMessage());
    }

    @Test
    void concatKeepsEveryEpisodeInOrder() {
        PixelEpisodes a = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 1);
        PixelEpisodes b = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 1, 2);
        PixelEpisodes c = PixelEpisodes.concat(List.of(a, b));
        assertEquals(3, c.episodes());
        assertEquals(a.episodeReturn(1), c.episodeReturn(1), 0);
        assertEquals(b.episodeReturn(0), c.episodeReturn(2), 0);
        assertEquals(b.action(0, 7), c.action(2, 7), 0);
        float[] x = new float[PixelPendulum.PIXELS];
        float[] y = new float[PixelPendulum.PIXELS];
        b.frame(0, 50, x);
        c.frame(2, 50, y);
        assertArrayEquals(x, y, 0);
    }
}
