package org.mbrllab.engine.dyna;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.dp.Action;

/**
 * Prioritized sweeping for a deterministic environment (Sutton &amp; Barto 2018, §8.4, the box
 * "Prioritized sweeping for a deterministic environment"; Moore &amp; Atkeson 1993):
 * <pre>
 *   Initialize Q(s, a), Model(s, a), for all s, a, and PQueue to empty
 *   Loop forever:
 *     (a) S ← current (nonterminal) state
 *     (b) A ← policy(S, Q)
 *     (c) Take action A; observe resultant reward, R, and state, S′
 *     (d) Model(S, A) ← R, S′
 *     (e) P ← |R + γ max_a Q(S′, a) − Q(S, A)|
 *     (f) if P &gt; θ, then insert S, A into PQueue with priority P
 *     (g) Loop repeat n times, while PQueue is not empty:
 *           S, A ← first(PQueue)
 *           R, S′ ← Model(S, A)
 *           Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]
 *           Loop for all S̄, Ā predicted to lead to S:
 *             R̄ ← predicted reward for S̄, Ā, S
 *             P ← |R̄ + γ max_a Q(S, a) − Q(S̄, Ā)|
 *             if P &gt; θ then insert S̄, Ā into PQueue with priority P
 * </pre>
 * As in the box, Q changes only in (g): there is no direct RL update, so with n = 0 nothing is learned.
 * Inserting a pair that is already queued keeps only the higher of its two priorities (the book's text
 * in §8.4). Equal priorities leave in the order they were queued. The queue is deterministic: this
 * agent draws nothing from the planning stream. A planning update is one pair taken from the queue.
 */
public final class PrioritizedSweeping extends TabularAgent {

    private final DeterministicModel model;
    /** The queued priority of each pair, or −1 when it is not queued. */
    private final double[] queuedPriority;
    /** Entries {priority, sequence, pair}; stale ones (priority no longer the pair's) are skipped. */
    private final PriorityQueue<double[]> queue = new PriorityQueue<>(
            Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> e[1]));
    private long sequence;
    private int queued;

    PrioritizedSweeping(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        super(states, config, acting, planning);
        this.model = new DeterministicModel(states);
        this.queuedPriority = new double[states * Action.COUNT];
        Arrays.fill(queuedPriority, -1);
    }

    @Override
    public void observe(int s, int a, double r, int next, long time) {
        // (d) Model learning.
        model.record(s, a, r, next, time);
        // (e), (f) The real step's priority.
        insert(s * Action.COUNT + a, Math.abs(r + config.gamma() * maxQ(next) - q(s, a)));
    }

    /** (g) One update of the pair first in the queue, and its predecessors queued; −1 if the queue is empty. */
    @Override
    public int planOnce(long time) {
        if (queued == 0) return -1;
        int sa = poll();
        int ps = sa / Action.COUNT;
        int pa = sa % Action.COUNT;
        backup(ps, pa, model.reward(ps, pa), model.next(ps, pa));
        planningUpdates++;
        double value = maxQ(ps);
        for (int k = 0; k < model.predecessorCount(ps); k++) {
            int pred = model.predecessor(ps, k);
            int bs = pred / Action.COUNT;
            int ba = pred % Action.COUNT;
            insert(pred, Math.abs(model.reward(bs, ba) + config.gamma() * value - q(bs, ba)));
        }
        return sa;
    }

    /** The queued pairs {@code s*4 + a}, highest priority first (a copy, for a view of the queue). */
    public int[] queuedPairs() {
        return queue.stream().filter(e -> queuedPriority[(int) e[2]] == e[0])
                .sorted(queue.comparator()).mapToInt(e -> (int) e[2]).toArray();
    }

    /** Queues {@code sa} with priority {@code p} if p &gt; θ; a queued pair keeps the higher priority. */
    private void insert(int sa, double p) {
        if (!(p > config.theta()) || p <= queuedPriority[sa]) return;
        if (queuedPriority[sa] < 0) queued++;
        queuedPriority[sa] = p;
        queue.add(new double[] {p, sequence++, sa});
    }

    private int poll() {
        while (true) {
            double[] e = queue.poll();
            int sa = (int) e[2];
            if (queuedPriority[sa] == e[0]) {
                queuedPriority[sa] = -1;
                queued--;
                return sa;
            }
        }
    }

    /** Pairs waiting in the queue. */
    public int queueSize() { return queued; }

    /** The queued priority of (s, a), or −1 if it is not queued. */
    public double priority(int s, int a) { return queuedPriority[s * Action.COUNT + a]; }

    @Override
    public DeterministicModel model() { return model; }
}
