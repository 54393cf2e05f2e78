package org.mbrllab.engine.worldmodels;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Plays the real game: a World Models agent (V, M and C together) or a plain {@link DodgePolicy}, over
 * episodes with fixed seeds, so that every agent meets the same falling rocks. The agent, at each step t:
 * <pre>
 *   z_t = μ_V(frame_t),   a_t = C(z_t, h_t),   game.step(a_t),   h_{t+1} = M.step(h_t, z_t, a_t)
 * </pre>
 * which is how the paper's agent runs in the real environment: M is used only for its hidden state h,
 * the memory of what it has seen; its predictions are not.
 */
public final class RealPlay {
    /** Episode e of an evaluation seeded s plays the game seeded {@code s · 7919 + e}. */
    static long episodeSeed(long seed, int e) {
        return seed * 7919L + e;
    }

    private RealPlay() {}

    /** Steps survived in each of {@code episodes} real games by the agent (V, M, C). */
    public static int[] play(FrozenVae v, FrozenMdnRnn m, LinearController c, DodgeParams params, int episodes, long seed) {
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(m, "m");
        Objects.requireNonNull(c, "c");
        Check.inRange("episodes", episodes, 1, Rollouts.MAX_EPISODES);
        if (c.latent() != v.latent() || c.latent() != m.latent() || c.hiddenUnits() != m.hiddenUnits()) {
            throw new IllegalArgumentException("C takes z of " + c.latent() + " and h of " + c.hiddenUnits()
                    + " but V gives z of " + v.latent() + " and M h of " + m.hiddenUnits());
        }
        int[] steps = new int[episodes];
        float[] frame = new float[Dodge.PIXELS];
        float[] z = new float[v.latent()];
        for (int e = 0; e < episodes; e++) {
            Dodge game = new Dodge(params, episodeSeed(seed, e));
            float[] h = m.initialState();
            int survived = 0;
            while (!game.isDone()) {
                game.render(frame);
                v.encodeMean(frame, z);
                Dodge.Action a = c.act(z, h);
                survived += (int) game.step(a);
                h = m.step(h, z, a);
            }
            steps[e] = survived;
        }
        return steps;
    }

    /** Steps survived in each of {@code episodes} real games by {@code policy} (its own stream seeded {@code seed}). */
    public static int[] play(DodgePolicy policy, DodgeParams params, int episodes, long seed) {
        Objects.requireNonNull(policy, "policy");
        Check.inRange("episodes", episodes, 1, Rollouts.MAX_EPISODES);
        RandomGenerator random = Seeds.random(seed);
        int[] steps = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            Dodge game = new Dodge(params, episodeSeed(seed, e));
            int survived = 0;
            while (!game.isDone()) survived += (int) game.step(policy.act(game, random));
            steps[e] = survived;
        }
        return steps;
    }

    /** The mean of {@code steps}. */
    public static double mean(int[] steps) {
        long sum = 0;
        for (int s : steps) sum += s;
        return steps.length == 0 ? 0 : (double) sum / steps.length;
    }
}
