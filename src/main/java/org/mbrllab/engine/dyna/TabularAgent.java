package org.mbrllab.engine.dyna;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.dp.Action;

/**
 * What the four agents share: a table Q(s, a), ε-greedy acting and the one-step Q-learning update
 * <pre>
 *   Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]       (Sutton &amp; Barto 2018, eq. 6.8)
 * </pre>
 * which Dyna applies alike to real experience (direct RL) and to simulated experience (planning).
 *
 * <h2>Randomness</h2>
 * Two generators, both given: {@code acting} draws the ε-greedy choices and breaks greedy ties,
 * {@code planning} draws what the model replays. Keeping them apart means planning never shifts the
 * acting stream: while Q is still all zero (the whole first episode of the Dyna maze, whose only reward
 * is at the goal) every agent with the same acting seed walks the same path whatever its n, as in
 * Figure 8.2.
 *
 * <h2>Terminal states</h2>
 * Q of a terminal cell stays 0 because no update ever starts there (an episode ends on entering one), so
 * max_a Q(S′, a) = 0 for a terminal S′ without a special case.
 */
public abstract class TabularAgent {

    protected final DynaConfig config;
    protected final int states;
    /** Q(s, a) at {@code s*4 + a}. */
    protected final double[] q;
    protected final RandomGenerator acting;
    protected final RandomGenerator planning;
    protected long planningUpdates;
    private long updates;

    protected TabularAgent(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        this.states = Check.inRange("states", states, 1, Integer.MAX_VALUE / Action.COUNT);
        this.config = Objects.requireNonNull(config, "config");
        this.acting = Objects.requireNonNull(acting, "acting");
        this.planning = Objects.requireNonNull(planning, "planning");
        this.q = new double[states * Action.COUNT];
    }

    /** The agent {@code config.agent()} names, for a maze of {@code states} cells. */
    public static TabularAgent create(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        return switch (config.agent()) {
            case Q_LEARNING -> new QLearning(states, config, acting, planning);
            case DYNA_Q -> new DynaQ(states, config, acting, planning);
            case DYNA_Q_PLUS -> new DynaQPlus(states, config, acting, planning);
            case PRIORITIZED_SWEEPING -> new PrioritizedSweeping(states, config, acting, planning);
        };
    }

    /**
     * ε-greedy: with probability ε a uniformly random action, else a greedy one, ties broken uniformly
     * at random. Draws one number, then one more to pick the action.
     */
    public int act(int s) {
        if (acting.nextDouble() < config.epsilon()) return acting.nextInt(Action.COUNT);
        return greedy(s, acting);
    }

    /** A greedy action in {@code s}, ties broken uniformly with {@code rng}. */
    protected final int greedy(int s, RandomGenerator rng) {
        int base = s * Action.COUNT;
        double best = q[base];
        int ties = 1;
        for (int a = 1; a < Action.COUNT; a++) {
            double v = q[base + a];
            if (v > best) {
                best = v;
                ties = 1;
            } else if (v == best) {
                ties++;
            }
        }
        int pick = rng.nextInt(ties);
        for (int a = 0; a < Action.COUNT; a++) {
            if (q[base + a] == best && pick-- == 0) return a;
        }
        throw new AssertionError("no greedy action");
    }

    /**
     * Learns from one real step S, A → R, S′: the update of the algorithm, including its planning, that is
     * {@link #observe} and then up to n times {@link #planOnce} (fewer when there is nothing to plan).
     *
     * @param time the real steps taken so far in the run, this one included (1 for the first)
     */
    public final void learn(int s, int a, double r, int next, long time) {
        observe(s, a, r, next, time);
        for (int i = 0; i < config.planningSteps(); i++) {
            if (planOnce(time) < 0) break;
        }
    }

    /**
     * The part of {@link #learn} that uses the real step itself: direct RL and model learning (for
     * prioritized sweeping, queueing the pair). A pane that shows planning one update at a time calls this
     * and then {@link #planOnce} itself; the random streams are drawn exactly as in {@link #learn}.
     */
    public abstract void observe(int s, int a, double r, int next, long time);

    /**
     * One simulated update from the model, at real time {@code time}.
     *
     * @return the pair {@code s*4 + a} that was backed up, or −1 if there was nothing to plan (no model,
     *         or an empty queue)
     */
    public abstract int planOnce(long time);

    /** max_a Q(s, a). */
    protected final double maxQ(int s) {
        int base = s * Action.COUNT;
        double best = q[base];
        for (int a = 1; a < Action.COUNT; a++) best = Math.max(best, q[base + a]);
        return best;
    }

    /** The Q-learning update of (s, a) towards r + γ max Q(next); returns the TD error before the step. */
    protected final double backup(int s, int a, double r, int next) {
        int sa = s * Action.COUNT + a;
        double delta = r + config.gamma() * maxQ(next) - q[sa];
        q[sa] += config.alpha() * delta;
        updates++;
        return delta;
    }

    /** Q(s, a). */
    public double q(int s, int a) { return q[s * Action.COUNT + a]; }

    /** A copy of Q, {@code s*4 + a}. */
    public double[] qValues() { return q.clone(); }

    /** Q updates made so far, real (direct RL) and simulated. */
    public long updates() { return updates; }

    /**
     * Whether the greedy policy leads from {@code start} to a terminal cell of {@code maze} (at real time
     * {@code time}) within {@code maxSteps} moves. Ties go to the first best action (up, down, left,
     * right), so the check draws nothing from either stream.
     */
    public boolean greedyReaches(Maze maze, long time, int maxSteps) {
        int s = maze.start();
        for (int i = 0; i < maxSteps; i++) {
            int base = s * Action.COUNT;
            int best = 0;
            for (int a = 1; a < Action.COUNT; a++) if (q[base + a] > q[base + best]) best = a;
            s = maze.next(s, best, time);
            if (maze.isTerminal(s, time)) return true;
        }
        return false;
    }

    /** Simulated updates made so far. */
    public long planningUpdates() { return planningUpdates; }

    public DynaConfig config() { return config; }

    /** The learned model, or null for Q-learning. */
    public abstract DeterministicModel model();
}
