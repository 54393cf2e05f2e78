package org.mbrllab.engine.dp;

import java.util.Arrays;

import org.mbrllab.engine.core.Format;

/**
 * With γ = 1 a sweep adds up rewards without discount, so values stay bounded only if the episode ends.
 * This class finds, before the first sweep, the cases where they provably do not: a region that is never
 * left and where every step has a reward of the same sign. There the values change by about the same
 * amount every sweep, forever, and would take ages to pass the {@link DpSolver#DIVERGENCE_LIMIT}.
 *
 * <ul>
 *   <li><b>A fixed policy</b> (policy evaluation, and every evaluation of policy iteration): a closed
 *       class of the Markov chain under π (a set of cells the chain never leaves, and that contains no
 *       terminal) whose rewards are all ≤ 0 with one &lt; 0, or all ≥ 0 with one &gt; 0. The chain
 *       visits every cell of such a class again and again, so its average reward per step is not 0
 *       and V(s) → ±∞ linearly.</li>
 *   <li><b>Value iteration</b>: cells from which no sequence of moves reaches a terminal cell, where every
 *       move has a reward &lt; 0: every policy loses at least that much per step, so V*(s) = −∞. And
 *       positive loops: an end component (a set of cells with, for each, moves whose every outcome stays in
 *       the set, strongly connected by those moves) whose moves all earn ≥ 0 and one earns &gt; 0. A policy
 *       that picks those moves at random visits every one of them again and again, so V*(s) = +∞ there.
 *       Value iteration would add about the loop's average reward every sweep and take ~10⁹/r sweeps to
 *       pass the {@link DpSolver#DIVERGENCE_LIMIT}. (Loops whose rewards have both signs are caught by the
 *       limit only.)</li>
 * </ul>
 */
final class Undiscounted {
    private Undiscounted() {}

    /**
     * Why the values diverge, in words for a student, or null when this check finds nothing.
     *
     * @param policy     the bitmask per state of the evaluated policy, or null for value iteration
     * @param policyName "the random policy" …, used in the message
     */
    static String whyUnbounded(GridWorld world, int[] policy, String policyName) {
        TabularMdp m = world.mdp();
        if (policy != null) return closedClass(world, m, policy, policyName);
        String falling = noEscape(world, m);
        return falling != null ? falling : positiveLoop(world, m);
    }

    /**
     * Value iteration: cells of an end component whose moves never cost and sometimes pay. Found as the
     * maximal end components (de Alfaro 1997) of the MDP restricted to moves that earn ≥ 0 on every
     * outcome and never end the episode: repeatedly split into strongly connected components and drop
     * the moves that leave their component, until nothing changes.
     */
    private static String positiveLoop(GridWorld world, TabularMdp m) {
        int n = m.states;
        int actions = m.actions;
        // 1. The moves that may take part: every outcome earns ≥ 0 and lands on a backed-up cell.
        boolean[] keep = new boolean[n * actions];
        for (int s : m.order) {
            for (int a = 0; a < actions; a++) {
                int sa = s * actions + a;
                boolean ok = true;
                for (int k = m.first[sa]; k < m.first[sa + 1] && ok; k++) {
                    ok = m.reward[k] >= 0 && m.backedUp[m.next[k]];
                }
                keep[sa] = ok;
            }
        }
        // 2. Drop moves that leave their strongly connected component until none does.
        int[] component;
        boolean changed;
        do {
            int[] edgeStart = new int[n + 1];
            int[] edgeTo = new int[m.next.length];
            int e = 0;
            for (int s = 0; s < n; s++) {
                edgeStart[s] = e;
                if (!m.backedUp[s]) continue;
                for (int a = 0; a < actions; a++) {
                    int sa = s * actions + a;
                    if (!keep[sa]) continue;
                    for (int k = m.first[sa]; k < m.first[sa + 1]; k++) edgeTo[e++] = m.next[k];
                }
            }
            edgeStart[n] = e;
            component = strongComponents(m, edgeStart, edgeTo);
            changed = false;
            for (int s : m.order) {
                for (int a = 0; a < actions; a++) {
                    int sa = s * actions + a;
                    if (!keep[sa]) continue;
                    for (int k = m.first[sa]; k < m.first[sa + 1]; k++) {
                        if (component[m.next[k]] != component[s]) {
                            keep[sa] = false;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        } while (changed);
        // 3. Components holding a move that pays: every cell of them has V* = +∞.
        int components = 0;
        for (int c : component) components = Math.max(components, c + 1);
        boolean[] pays = new boolean[components];
        for (int s : m.order) {
            for (int a = 0; a < actions; a++) {
                int sa = s * actions + a;
                if (!keep[sa]) continue;
                for (int k = m.first[sa]; k < m.first[sa + 1]; k++) {
                    if (m.reward[k] > 0 && m.prob[k] > 0) pays[component[s]] = true;
                }
            }
        }
        int stuck = 0;
        int example = -1;
        for (int s : m.order) {
            if (!pays[component[s]]) continue;
            boolean inLoop = false;
            for (int a = 0; a < actions && !inLoop; a++) inLoop = keep[s * actions + a];
            if (!inLoop) continue;
            stuck++;
            if (example < 0) example = s;
        }
        if (stuck == 0) return null;
        return "With γ = 1 the values never settle: " + cells(stuck) + ", e.g. " + cell(world, example)
                + ", lie on a loop of moves that never reaches a terminal cell, never costs and sometimes pays, "
                + "so the best values grow without bound. Lower γ below 1 or make the loop cost.";
    }

    /** Value iteration: cells that no move sequence takes to a terminal, where every move costs. */
    private static String noEscape(GridWorld world, TabularMdp m) {
        int n = m.states;
        // 1. Reverse edges s' ← s over every action and outcome.
        int[] inCount = new int[n + 1];
        for (int k = 0; k < m.next.length; k++) inCount[m.next[k] + 1]++;
        for (int s = 0; s < n; s++) inCount[s + 1] += inCount[s];
        int[] from = new int[m.next.length];
        int[] fill = Arrays.copyOf(inCount, n);
        for (int s = 0; s < n; s++) {
            for (int k = m.first[s * m.actions]; k < m.first[(s + 1) * m.actions]; k++) from[fill[m.next[k]]++] = s;
        }
        // 2. Breadth-first from the terminal cells.
        boolean[] reaches = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (world.isTerminal(s)) {
                reaches[s] = true;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int t = queue[head++];
            for (int k = inCount[t]; k < inCount[t + 1]; k++) {
                if (!reaches[from[k]]) {
                    reaches[from[k]] = true;
                    queue[tail++] = from[k];
                }
            }
        }
        // 3. The cells left over: unbounded below if every move there costs.
        int stuck = 0;
        int example = -1;
        for (int s : m.order) {
            if (reaches[s]) continue;
            for (int k = m.first[s * m.actions]; k < m.first[(s + 1) * m.actions]; k++) {
                if (!(m.reward[k] < 0)) return null;
            }
            stuck++;
            if (example < 0) example = s;
        }
        if (stuck == 0) return null;
        return "With γ = 1 the values never settle: from " + cells(stuck) + ", e.g. " + cell(world, example)
                + ", no sequence of moves reaches a terminal cell, and every move there costs, so their values "
                + "fall without bound. Lower γ below 1 or add a goal they can reach.";
    }

    /** A fixed policy: a closed class without terminal whose rewards all have one sign. */
    private static String closedClass(GridWorld world, TabularMdp m, int[] policy, String policyName) {
        int n = m.states;
        // 1. Edges between backed-up states under π; an edge to a terminal is an exit.
        int[] edgeStart = new int[n + 1];
        int[] edgeTo = new int[m.next.length];
        boolean[] exits = new boolean[n];
        double[] minReward = new double[n];
        double[] maxReward = new double[n];
        int e = 0;
        for (int s = 0; s < n; s++) {
            edgeStart[s] = e;
            minReward[s] = Double.POSITIVE_INFINITY;
            maxReward[s] = Double.NEGATIVE_INFINITY;
            if (!m.backedUp[s]) continue;
            for (int a = 0; a < m.actions; a++) {
                if (((policy[s] >> a) & 1) == 0) continue;
                int sa = s * m.actions + a;
                for (int k = m.first[sa]; k < m.first[sa + 1]; k++) {
                    minReward[s] = Math.min(minReward[s], m.reward[k]);
                    maxReward[s] = Math.max(maxReward[s], m.reward[k]);
                    if (m.backedUp[m.next[k]]) edgeTo[e++] = m.next[k];
                    else exits[s] = true;
                }
            }
        }
        edgeStart[n] = e;
        // 2. Strongly connected components (Tarjan, without recursion).
        int[] component = strongComponents(m, edgeStart, edgeTo);
        int components = 0;
        for (int c : component) components = Math.max(components, c + 1);
        // 3. A component is closed if no edge leaves it; check the signs of its rewards.
        boolean[] open = new boolean[components];
        double[] low = new double[components];
        double[] high = new double[components];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int s : m.order) {
            int c = component[s];
            if (exits[s]) open[c] = true;
            for (int k = edgeStart[s]; k < edgeStart[s + 1]; k++) {
                if (component[edgeTo[k]] != c) open[c] = true;
            }
            low[c] = Math.min(low[c], minReward[s]);
            high[c] = Math.max(high[c], maxReward[s]);
        }
        int stuck = 0;
        int example = -1;
        boolean falling = false;
        for (int s : m.order) {
            int c = component[s];
            boolean costs = high[c] <= 0 && low[c] < 0;
            boolean pays = low[c] >= 0 && high[c] > 0;
            if (!open[c] && (costs || pays)) {
                stuck++;
                if (example < 0) {
                    example = s;
                    falling = costs;
                }
            }
        }
        if (stuck > 0) {
            return "With γ = 1 the values never settle: from " + cells(stuck) + ", e.g. " + cell(world, example)
                    + ", " + policyName + " never reaches a terminal cell, and every step there "
                    + (falling ? "costs, so their values fall" : "pays, so their values grow")
                    + " without bound. Lower γ below 1 or add a terminal cell the policy can reach.";
        }
        // 4. Closed components with rewards of both signs: unbounded unless the average reward per step,
        //    under the chain's stationary distribution, is exactly zero.
        for (int c = 0; c < components; c++) {
            if (open[c] || low[c] == Double.POSITIVE_INFINITY || (low[c] >= 0 && high[c] <= 0)) continue;
            double g = averageReward(m, policy, component, c);
            if (Math.abs(g) > GAIN_TOLERANCE) {
                int size = 0;
                int first = -1;
                for (int x : m.order) {
                    if (component[x] == c) {
                        size++;
                        if (first < 0) first = x;
                    }
                }
                return "With γ = 1 the values never settle: from " + cells(size) + ", e.g. " + cell(world, first)
                        + ", " + policyName + " never reaches a terminal cell, and a step there earns "
                        + Format.fixed(g, 4) + " on average, so the values " + (g < 0 ? "fall" : "grow")
                        + " by about that much every sweep, without bound. Lower γ below 1 or add a terminal cell the policy can reach.";
            }
        }
        return null;
    }

    /** Average rewards smaller than this count as zero (the values then stay bounded). */
    static final double GAIN_TOLERANCE = 1e-9;

    /**
     * The long-run average reward per step g = Σ_s μ(s) Σ_a π(a|s) Σ_{s'} p(s'|s,a) r of a closed class,
     * with μ its stationary distribution under π (uniform over the actions of the mask). μ is found by
     * power iteration on the lazy chain (I + P)/2, which has the same μ and is aperiodic.
     */
    private static double averageReward(TabularMdp m, int[] policy, int[] component, int c) {
        int n = m.states;
        double[] mu = new double[n];
        double[] next = new double[n];
        double[] rbar = new double[n];
        int size = 0;
        for (int s = 0; s < n; s++) if (component[s] == c) size++;
        for (int s = 0; s < n; s++) {
            if (component[s] != c) continue;
            mu[s] = 1.0 / size;
            int mask = policy[s] == 0 ? (1 << m.actions) - 1 : policy[s];
            double w = 1.0 / Integer.bitCount(mask);
            for (int a = 0; a < m.actions; a++) {
                if (((mask >> a) & 1) == 0) continue;
                int sa = s * m.actions + a;
                for (int k = m.first[sa]; k < m.first[sa + 1]; k++) rbar[s] += w * m.prob[k] * m.reward[k];
            }
        }
        for (int it = 0; it < 200_000; it++) {
            java.util.Arrays.fill(next, 0);
            for (int s = 0; s < n; s++) {
                if (component[s] != c) continue;
                next[s] += 0.5 * mu[s];
                int mask = policy[s] == 0 ? (1 << m.actions) - 1 : policy[s];
                double w = 0.5 * mu[s] / Integer.bitCount(mask);
                for (int a = 0; a < m.actions; a++) {
                    if (((mask >> a) & 1) == 0) continue;
                    int sa = s * m.actions + a;
                    for (int k = m.first[sa]; k < m.first[sa + 1]; k++) next[m.next[k]] += w * m.prob[k];
                }
            }
            double change = 0;
            for (int s = 0; s < n; s++) change += Math.abs(next[s] - mu[s]);
            double[] t = mu;
            mu = next;
            next = t;
            if (change < 1e-14) break;
        }
        double g = 0;
        for (int s = 0; s < n; s++) g += mu[s] * rbar[s];
        return g;
    }

    /** The component number of every backed-up state (−1 for the others). */
    private static int[] strongComponents(TabularMdp m, int[] edgeStart, int[] edgeTo) {
        int n = m.states;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] next = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Arrays.fill(component, -1);
        int[] stack = new int[n];
        int[] calls = new int[n];
        int top = 0;
        int depth = 0;
        int counter = 0;
        int components = 0;
        for (int root : m.order) {
            if (index[root] >= 0) continue;
            index[root] = low[root] = counter++;
            next[root] = edgeStart[root];
            stack[top++] = root;
            onStack[root] = true;
            calls[depth++] = root;
            while (depth > 0) {
                int v = calls[depth - 1];
                if (next[v] < edgeStart[v + 1]) {
                    int w = edgeTo[next[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        next[w] = edgeStart[w];
                        stack[top++] = w;
                        onStack[w] = true;
                        calls[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    depth--;
                    if (depth > 0) low[calls[depth - 1]] = Math.min(low[calls[depth - 1]], low[v]);
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--top];
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                }
            }
        }
        return component;
    }

    private static String cells(int count) {
        return count == 1 ? "1 cell" : count + " cells";
    }

    private static String cell(GridWorld world, int s) {
        return "(" + s / world.cols() + ", " + s % world.cols() + ")";
    }
}
