package org.mbrllab.app.lessons.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Numbers and matrices as TeX for the explain panels: three significant digits, powers of ten when tiny or huge. */
final class Numbers {
    private Numbers() {}

    /** Significant digits shown. */
    static final int DIGITS = 3;

    /** {@code v} with {@value #DIGITS} significant digits, as TeX ("−0.0143", "1.2 \times 10^{-5}"). */
    static String tex(double v) {
        if (Double.isNaN(v)) return "\\text{NaN}";
        if (Double.isInfinite(v)) return v > 0 ? "\\infty" : "-\\infty";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros().toPlainString();
        }
        int exp = (int) Math.floor(Math.log10(a));
        double mantissa = v / Math.pow(10, exp);
        String m = new BigDecimal(mantissa).round(new MathContext(DIGITS)).stripTrailingZeros().toPlainString();
        if (m.equals("10") || m.equals("-10")) {
            m = m.startsWith("-") ? "-1" : "1";
            exp++;
        }
        return m + " \\times 10^{" + exp + "}";
    }

    /** A bracketed matrix with one row per array row. */
    static String matrix(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        StringBuilder sb = new StringBuilder("\\left[\\begin{array}{").append("r".repeat(Math.max(1, cols))).append("}");
        List<String> rows = new ArrayList<>();
        for (double[] row : m) {
            List<String> cells = new ArrayList<>();
            for (double v : row) cells.add(tex(v));
            rows.add(String.join(" & ", cells));
        }
        sb.append(String.join(" \\\\ ", rows)).append("\\end{array}\\right]");
        return sb.toString();
    }

    /** A column vector. */
    static String column(double[] v) {
        double[][] m = new double[v.length][];
        for (int i = 0; i < v.length; i++) m[i] = new double[] {v[i]};
        return matrix(m);
    }

    /** Eigenvalues as TeX, complex pairs written once with ±. */
    static String eigenvalues(double[][] pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            double re = pairs[i][0];
            double im = pairs[i][1];
            if (im != 0 && i + 1 < pairs.length && pairs[i + 1][1] == -im && pairs[i + 1][0] == re) {
                out.add(tex(re) + " \\pm " + tex(Math.abs(im)) + "i");
                i++;
            } else if (im != 0) {
                out.add(tex(re) + (im > 0 ? " + " : " - ") + tex(Math.abs(im)) + "i");
            } else {
                out.add(tex(re));
            }
        }
        return String.join(",\\ ", out);
    }
}
