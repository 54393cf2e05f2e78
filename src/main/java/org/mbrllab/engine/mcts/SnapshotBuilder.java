package org.mbrllab.engine.mcts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot.ChildTerm;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;

/** Copies the visible part of a live {@link Mcts} tree into {@link MctsSnapshot} records. */
final class SnapshotBuilder {
    private SnapshotBuilder() {}

    /**
     * The selection terms of every legal move at {@code node}, in move order, computed with the exact
     * formulas of {@link SelectionRule}.
     */
    static List<ChildTerm> terms(Mcts m, int node) {
        int legal = m.tree.legalAt(node);
        if (legal == 0) return List.of();
        int slots = m.game().moves();
        int[] childOf = new int[slots];
        Arrays.fill(childOf, Mcts.NONE);
        for (int ch = m.tree.firstChild[node]; ch != Mcts.NONE; ch = m.tree.nextSibling[ch]) childOf[m.tree.move[ch]] = ch;
        SelectionRule rule = m.settings().rule();
        double c = m.settings().c();
        int parentVisits = m.tree.visits[node];
        double uniform = 1.0 / Integer.bitCount(legal);
        int count = Integer.bitCount(legal);
        int[] moves = new int[count];
        double[][] t = new double[count][];
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (int rest = legal; rest != 0; rest &= rest - 1, i++) {
            int a = Integer.numberOfTrailingZeros(rest);
            int ch = childOf[a];
            int n = ch == Mcts.NONE ? 0 : m.tree.visits[ch];
            double prior = m.tree.priors != null ? m.tree.priors[node * slots + a] : uniform;
            double q = n == 0 ? (rule == SelectionRule.UCB1 ? Double.NaN : 0) : m.tree.valueSum[ch] / n;
            double u = rule.exploration(c, prior, parentVisits, n);
            double score = rule == SelectionRule.UCB1 && n == 0 ? Double.POSITIVE_INFINITY : q + u;
            moves[i] = a;
            t[i] = new double[] {ch, n, q, prior, u, score};
            best = Math.max(best, score);
        }
        List<ChildTerm> out = new ArrayList<>(count);
        for (i = 0; i < count; i++) {
            double[] x = t[i];
            out.add(new ChildTerm(moves[i], (int) x[0], (int) x[1], x[2], x[3], x[4], x[5], x[5] == best));
        }
        return List.copyOf(out);
    }

    /**
     * The visible tree from the root: the top {@code topK} children of every node above {@code maxDepth}
     * and of every node in {@code expanded}, and every node on {@code path}.
     */
    static NodeView tree(Mcts m, int maxDepth, int topK, int[] path, Set<Integer> expanded) {
        return view(m, Mcts.ROOT, m.rootState(), 0, maxDepth, topK, path == null ? new int[0] : path, expanded);
    }

    private static NodeView view(Mcts m, int node, GameState state, int depth, int maxDepth, int topK, int[] path,
                                 Set<Integer> expanded) {
        boolean open = depth < maxDepth || expanded.contains(node);
        int[] kids = m.tree.childrenByVisits(node);
        List<NodeView> shown = new ArrayList<>();
        int hidden = 0;
        long hiddenVisits = 0;
        for (int k = 0; k < kids.length; k++) {
            int ch = kids[k];
            boolean onPath = contains(path, ch);
            if (onPath || (open && k < topK)) {
                GameState next = state.copy();
                next.play(m.tree.move[ch]);
                shown.add(view(m, ch, next, depth + 1, maxDepth, topK, path, expanded));
            } else {
                hidden++;
                hiddenVisits += m.tree.visits[ch];
            }
        }
        double q = node == Mcts.ROOT ? m.rootValue() : m.tree.q(node);
        return new NodeView(node, node == Mcts.ROOT ? -1 : m.tree.move[node], depth, state.board(), state.toMove(),
                m.tree.visits[node], q, m.prior(node), state.isOver(), state.isOver() ? state.winner() : Side.NONE,
                List.copyOf(shown), hidden, hiddenVisits, m.tree.untried[node], terms(m, node), contains(path, node));
    }

    private static boolean contains(int[] ids, int id) {
        for (int x : ids) if (x == id) return true;
        return false;
    }

    /** P(root, a) per move index; NaN for illegal moves. */
    static double[] rootPriors(Mcts m) {
        int slots = m.game().moves();
        double[] out = new double[slots];
        Arrays.fill(out, Double.NaN);
        int legal = m.tree.legalAt(Mcts.ROOT);
        for (int rest = legal; rest != 0; rest &= rest - 1) {
            int a = Integer.numberOfTrailingZeros(rest);
            out[a] = m.tree.priors != null ? m.tree.priors[a] : 1.0 / Integer.bitCount(legal);
        }
        return out;
    }
}
