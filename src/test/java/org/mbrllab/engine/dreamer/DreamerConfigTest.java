package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The agent's configuration refuses a world model its behaviour learning cannot imagine with. */
class DreamerConfigTest {

    @Test
    void aCategoricalWorldModelIsRefusedWithTheReason() {
        RssmConfig world = RssmConfig.tiny().withLatents(RssmConfig.Latents.CATEGORICAL);
        DreamerConfig t = DreamerConfig.tiny();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DreamerConfig(world, t.horizon(),
                t.gamma(), t.lambda(), t.actorUnits(), t.criticUnits(), t.behaviourRate(), t.entropy(), t.gradientClip(), t.seedEpisodes(),
                t.updatesPerEpisode(), t.explorationNoise(), t.episodes(), t.seed()));
        assertEquals("world latents categorical: the agent's actor and critic (BehaviourGraph) imagine with a Gaussian z "
                + "only; use gaussian", e.getMessage());
    }
}
