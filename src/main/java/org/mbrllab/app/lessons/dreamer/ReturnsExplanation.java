package org.mbrllab.app.lessons.dreamer;

import org.mbrllab.engine.core.Format;

/**
 * Writes one step of the λ-return recursion out as Markdown with typeset math, with the trajectory's own
 * numbers, as the grid world's explain panel writes out a Bellman backup: the rule, the rule with the numbers,
 * where each number comes from, and the two ends of the λ dial at the same step. Pure text, tested without the
 * toolkit.
 */
final class ReturnsExplanation {
    private ReturnsExplanation() {}

    /** Decimals of the numbers inside the written-out sums. */
    static final int DIGITS = 2;

    static String markdown(ReturnsViewModel.Returns r) {
        int t = r.t();
        int h = r.horizon();
        double g = r.gamma(), l = r.lambda();
        double[] v = r.values();
        double next = t + 1 < h ? r.chosen()[t + 1] : v[h];
        StringBuilder md = new StringBuilder();
        md.append("**Step t = ").append(t).append("** (H = ").append(h).append(", γ = ").append(Format.fixed(g, 3))
                .append(", λ = ").append(Format.fixed(l, 2)).append(")\n\n");
        // 1. The rule, the rule with the numbers, the result: one row each, so that the panel need not shrink them.
        md.append("$$\\begin{array}{rl}\n");
        md.append("V_\\lambda(t) & = r_t + \\gamma\\,\\big[(1-\\lambda)\\,v_{t+1} + \\lambda\\,V_\\lambda(t+1)\\big] \\\\\n");
        md.append("V_\\lambda(").append(t).append(") & = ").append(num(r.rewards()[t])).append(" + ").append(num(g))
                .append("\\,\\big[").append(num(1 - l)).append(" \\cdot ").append(paren(v[t + 1])).append(" + ")
                .append(num(l)).append(" \\cdot ").append(paren(next)).append("\\big] \\\\\n");
        md.append(" & = ").append(num(r.chosen()[t])).append("\n\\end{array}$$\n\n");
        // 2. Where each number comes from.
        md.append("$r_{").append(t).append("}$: the reward head on $s_{").append(t + 1).append("}$, reached with ")
                .append(Format.fixed(r.torques()[t], 2)).append(" N·m. ");
        md.append("$v_{").append(t + 1).append("}$: ").append(r.byActor() ? "the critic on $s_{" + (t + 1) + "}$. " : "no critic, so 0. ");
        if (t + 1 < h) {
            md.append("$V_\\lambda(").append(t + 1).append(")$: the same rule one step later.\n\n");
        } else {
            md.append("$V_\\lambda(").append(h).append(") = v_{").append(h).append("}$: the recursion starts from the last value.\n\n");
        }
        // 3. The two ends of the dial at the same step.
        md.append("$$\\begin{array}{rl}\n");
        md.append("\\lambda = 0: & r_{").append(t).append("} + \\gamma\\, v_{").append(t + 1).append("} = ")
                .append(num(r.oneStep()[t])).append(" \\\\\n");
        md.append("\\lambda = 1: & \\textstyle\\sum_{k=").append(t).append("}^{").append(h - 1).append("} \\gamma^{k-").append(t)
                .append("} r_k + \\gamma^{").append(h - t).append("} v_{").append(h).append("} = ").append(num(r.full()[t]))
                .append("\n\\end{array}$$\n\n");
        md.append("λ = 0 trusts the critic after one step, λ = 1 the model's rewards up to the horizon; Dreamer's λ = ")
                .append(Format.fixed(ReturnsViewModel.DREAMER_LAMBDA, 2)).append(" gives ").append(Format.fixed(r.dreamer()[t], DIGITS)).append(".\n");
        return md.toString();
    }

    private static String num(double x) {
        return Format.fixed(x, DIGITS);
    }

    private static String paren(double x) {
        String s = num(x);
        return x < 0 ? "(" + s + ")" : s;
    }
}
