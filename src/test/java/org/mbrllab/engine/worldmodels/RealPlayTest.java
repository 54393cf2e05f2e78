package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The real game is played on fixed seeds, and an agent whose C ignores z and h plays like the matching policy. */
class RealPlayTest {

    @Test
    void aControllerThatOnlyHasABiasPlaysLikeTheConstantPolicy() {
        FrozenVae v = TinyNetworks.v(4, 8, 1);
        FrozenMdnRnn m = TinyNetworks.m(4, 6, 2, 0.3, 2);
        double[] theta = new double[LinearController.parameterCount(4, 6)];
        theta[theta.length - 1] = 5; // tanh(5) > 1/3: always RIGHT
        int[] agent = RealPlay.play(v, m, new LinearController(4, 6, theta), DodgeParams.defaults(), 20, 3);
        int[] right = RealPlay.play((game, random) -> Dodge.Action.RIGHT, DodgeParams.defaults(), 20, 3);
        assertArrayEquals(right, agent);
    }

    @Test
    void theSameSeedGivesTheSameEpisodesAndARandomPolicySurvivesAboutTwentyFiveSteps() {
        int[] a = RealPlay.play(DodgePolicy.random(), DodgeParams.defaults(), 200, 8);
        assertArrayEquals(a, RealPlay.play(DodgePolicy.random(), DodgeParams.defaults(), 200, 8));
        // DodgeParams documents 25.0 over 100 episodes of its own seeds; these are others.
        assertEquals(25, RealPlay.mean(a), 4);
    }
}
