package org.mbrllab.app.common.search;

import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.Side;

/** Short labels shared by the tree, the inspector, the chart and the explanations. */
public final class MoveNames {
    private MoveNames() {}

    /** "X 4": the side and the move index (a cell, or a column in Connect Four). */
    public static String move(int side, int move) {
        return Side.name(side) + " " + move;
    }

    /** "+0.42", "−0.07", "0.00", or "–" when there is no value yet. */
    public static String value(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        String s = Format.fixed(v, 2);
        if (s.startsWith("-")) return "−" + s.substring(1);
        return s.equals("0.00") ? s : "+" + s;
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format("%,d", n);
    }

    /** A count that fits a tree box, at most 5 characters: 9,999, then 73.8k, 614k, 1.23M. */
    public static String shortCount(long n) {
        if (n < 10_000) return count(n);
        if (n < 99_950) return String.format(java.util.Locale.ROOT, "%.1fk", n / 1e3);
        if (n < 999_500) return String.format(java.util.Locale.ROOT, "%.0fk", n / 1e3);
        return String.format(java.util.Locale.ROOT, "%.2fM", n / 1e6);
    }

    /** "1 node", "31 nodes". */
    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** "+1", "−1", "0" for a backed-up value. */
    public static String signed(double v) {
        if (v == Math.rint(v)) return v > 0 ? "+" + (long) v : v < 0 ? "−" + (long) -v : "0";
        return value(v);
    }
}
