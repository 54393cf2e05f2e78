package org.mbrllab.app.lessons.gridworld;

import java.util.ArrayList;
import java.util.List;

import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.ActionTerm;
import org.mbrllab.engine.dp.BackupDetail;
import org.mbrllab.engine.dp.DpSnapshot;

/**
 * Writes one Bellman backup out as Markdown with typeset math: the rule, then each action's sum with the
 * actual probabilities, rewards and successor values, then the result. Pure text, so it is tested
 * without the toolkit.
 */
final class BackupExplanation {
    private BackupExplanation() {}

    /** Decimals shown for numbers inside the written-out sums. */
    static final int DIGITS = 2;

    static String markdown(BackupDetail b, int cols) {
        StringBuilder md = new StringBuilder();
        md.append("**Backup of state ").append(cell(b.state(), cols)).append("**\n\n");
        if (b.usesMax()) {
            md.append("$$V(s) \\leftarrow \\max_a \\sum_{s'} p(s' \\mid s,a)\\,\\big[r + \\gamma V(s')\\big]$$\n\n");
        } else {
            md.append("$$V(s) \\leftarrow \\sum_a \\pi(a \\mid s) \\sum_{s'} p(s' \\mid s,a)\\,\\big[r + \\gamma V(s')\\big]$$\n\n");
        }
        // One row per successor, so a slippery backup (three successors per action) stays narrow enough
        // to read instead of shrinking to fit the panel.
        md.append("$$\\begin{array}{rl}\n");
        List<String> rows = new ArrayList<>();
        for (ActionTerm t : b.terms()) {
            List<ActionTerm.Term> outs = t.outcomes();
            if (outs.isEmpty()) {
                rows.add("\\text{" + t.action().label() + "}: & 0");
                continue;
            }
            for (int i = 0; i < outs.size(); i++) {
                ActionTerm.Term o = outs.get(i);
                String term = num(o.prob()) + "\\,(" + num(o.reward()) + " + " + num(b.gamma()) + " \\cdot " + paren(o.nextValue()) + ")";
                String head = i == 0 ? "\\text{" + t.action().label() + "}: & " : " & +\\ ";
                String tail = i == outs.size() - 1 ? " = " + num(t.q()) : "";
                rows.add(head + term + tail);
            }
        }
        md.append(String.join(" \\\\\n", rows)).append("\n\\end{array}$$\n\n");
        List<String> qs = new ArrayList<>();
        if (b.usesMax()) {
            for (ActionTerm t : b.terms()) qs.add(num(t.q()));
            md.append("$$V(s) = \\max(").append(String.join(",\\ ", qs)).append(") = ")
                    .append(num(b.newValue())).append("$$\n\n");
        } else {
            for (ActionTerm t : b.terms()) qs.add(num(t.weight()) + " \\cdot " + paren(t.q()));
            md.append("$$V(s) = ").append(String.join(" + ", qs)).append(" = ").append(num(b.newValue())).append("$$\n\n");
        }
        md.append("Before: V(s) = ").append(Format.fixed(b.oldValue(), 4)).append(" · after: V(s) = ")
                .append(Format.fixed(b.newValue(), 4)).append(" · change ")
                .append(Format.fixed(b.newValue() - b.oldValue(), 4)).append("\n");
        return md.toString();
    }

    /** What a click on a cell shows when no backup is being explained: V and the four Q-values. */
    static String inspect(DpSnapshot s, int state) {
        int cols = s.cols();
        StringBuilder md = new StringBuilder("**State ").append(cell(state, cols)).append("**\n\n");
        if (s.wall()[state]) return md.append("A wall: no state here.\n").toString();
        if (s.terminal()[state]) return md.append("A terminal cell: the episode ends on entering it, so $V(s) = 0$.\n").toString();
        md.append("$$V(s) = ").append(num4(s.values()[state])).append("$$\n\n");
        md.append("$$\\begin{array}{rl}\n");
        List<String> rows = new ArrayList<>();
        for (Action a : Action.values()) {
            boolean best = (s.greedy()[state] & (1 << a.ordinal())) != 0;
            rows.add("Q(s, \\text{" + a.label() + "}) = & " + num4(s.q()[state * 4 + a.ordinal()]) + (best ? "\\ \\star" : ""));
        }
        md.append(String.join(" \\\\\n", rows)).append("\n\\end{array}$$\n\n");
        md.append("★ marks the greedy actions (ties within 10⁻⁹ all count).\n");
        return md.toString();
    }

    static String hint() {
        return "**Explain panel**\n\nSet *Step* to **One backup** and press **→**: the backup of one state is written out "
                + "here with its numbers. With painting off, click a cell to see its $V$ and $Q$ values.\n";
    }

    /** "(row, col)" with rows counted from the top, both from 0. */
    static String cell(int state, int cols) {
        return "(" + (state / cols) + ", " + (state % cols) + ")";
    }

    private static String num(double x) {
        return Format.fixed(x, DIGITS);
    }

    private static String num4(double x) {
        return Format.fixed(x, 4);
    }

    private static String paren(double x) {
        String s = num(x);
        return x < 0 ? "(" + s + ")" : s;
    }
}
