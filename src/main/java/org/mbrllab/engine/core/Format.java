package org.mbrllab.engine.core;

import java.math.BigDecimal;

/** Number formatting shared by messages, the explain panel and the command line. */
public final class Format {
    private Format() {}

    /** Shortest plain decimal that round-trips, without a trailing ".0" for whole numbers. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "NaN";
        if (Double.isInfinite(x)) return x > 0 ? "∞" : "−∞";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        String s = Double.toString(x);
        if (s.contains("E")) s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return s;
    }

    /** A value rounded to {@code digits} decimals, with "−0" shown as "0". */
    public static String fixed(double x, int digits) {
        if (!Double.isFinite(x)) return number(x);
        String s = String.format(java.util.Locale.ROOT, "%." + digits + "f", x);
        if (s.matches("-0\\.?0*")) s = s.substring(1);
        return s;
    }

    /** "[min, max]" with the numbers formatted by {@link #number}. */
    public static String range(double min, double max) {
        return "[" + number(min) + ", " + number(max) + "]";
    }
}
