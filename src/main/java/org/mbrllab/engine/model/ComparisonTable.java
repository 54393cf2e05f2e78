package org.mbrllab.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.model.MbrlSettings.Version;

/**
 * The real return of every planning episode of V1 … V4 over a few seeds ({@link VersionComparison}),
 * and its summary per version and episode: the mean and the band from the lowest to the highest seed.
 * Missing entries (a run not finished yet) are NaN and left out of the summary.
 *
 * <p>As text (CSV), one row per episode: {@code version,seed,episode,real_return,predicted_return},
 * after a {@code system,NAME} row; lines starting with {@code #} are comments. When the runs were
 * evaluated on the fixed starts ({@link MbrlSettings#evalStarts()} &gt; 0), every row has a sixth column,
 * {@code eval_return}, the mean return from those starts; text without it reads as not evaluated. The recorded comparison
 * the pane shows at once is {@value #RECORDED}, made by {@code mbrl-lab mbrl-compare}.
 *
 * @param system    the real system
 * @param episodes  planning episodes per run
 * @param seeds     the seeds, in run order
 * @param real      real[v][s][e]: the real return of version v, seed index s, episode e + 1 (NaN: not run)
 * @param predicted the predicted return, indexed the same way
 * @param eval      the mean return from the fixed starts ({@link MbrlSnapshot.EpisodeResult#evalReturn()}),
 *                  indexed the same way (NaN: not run, or not evaluated)
 */
public record ComparisonTable(ControlSystem system, int episodes, long[] seeds, double[][][] real,
                              double[][][] predicted, double[][][] eval) {

    /** The classpath resource of the recorded comparison. */
    public static final String RECORDED = "/lessons/model-based-planning/comparison.csv";

    private static final String HEADER = "version,seed,episode,real_return,predicted_return";
    private static final String EVAL_HEADER = HEADER + ",eval_return";

    /** The mean and the min–max band over seeds, per episode (NaN where no seed has finished it). */
    public record Band(double[] mean, double[] low, double[] high, int[] seedsDone) {}

    /** An empty table: every entry NaN. */
    public static ComparisonTable empty(ControlSystem system, int episodes, long[] seeds) {
        double[][][] r = new double[Version.values().length][seeds.length][episodes];
        double[][][] p = new double[Version.values().length][seeds.length][episodes];
        double[][][] q = new double[Version.values().length][seeds.length][episodes];
        for (double[][][] a : List.of(r, p, q)) for (double[][] v : a) for (double[] s : v) Arrays.fill(s, Double.NaN);
        return new ComparisonTable(system, episodes, seeds.clone(), r, p, q);
    }

    /** A deep copy, for a snapshot. */
    public ComparisonTable copy() {
        return new ComparisonTable(system, episodes, seeds.clone(), deepCopy(real), deepCopy(predicted), deepCopy(eval));
    }

    /** Books one finished episode (engine side, before any copy leaves the thread). */
    void put(Version v, int seedIndex, MbrlSnapshot.EpisodeResult r) {
        real[v.ordinal()][seedIndex][r.episode() - 1] = r.realReturn();
        predicted[v.ordinal()][seedIndex][r.episode() - 1] = r.predictedReturn();
        eval[v.ordinal()][seedIndex][r.episode() - 1] = r.evalReturn();
    }

    /** The summary of version {@code v}'s real return over the seeds. */
    public Band band(Version v) {
        return band(real[v.ordinal()]);
    }

    /** The summary of version {@code v}'s return from the fixed starts over the seeds (all NaN if not evaluated). */
    public Band evalBand(Version v) {
        return band(eval[v.ordinal()]);
    }

    /** Whether any episode was evaluated on the fixed starts. */
    public boolean hasEval() {
        for (double[][] v : eval) for (double[] s : v) for (double x : s) if (!Double.isNaN(x)) return true;
        return false;
    }

    private Band band(double[][] seedRows) {
        double[] mean = new double[episodes];
        double[] low = new double[episodes];
        double[] high = new double[episodes];
        int[] done = new int[episodes];
        for (int e = 0; e < episodes; e++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (double[] seedRow : seedRows) {
                double x = seedRow[e];
                if (Double.isNaN(x)) continue;
                sum += x;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                n++;
            }
            mean[e] = n == 0 ? Double.NaN : sum / n;
            low[e] = n == 0 ? Double.NaN : lo;
            high[e] = n == 0 ? Double.NaN : hi;
            done[e] = n;
        }
        return new Band(mean, low, high, done);
    }

    /** Finished episodes over all versions and seeds. */
    public int episodesDone() {
        int n = 0;
        for (double[][] v : real) for (double[] s : v) for (double x : s) if (!Double.isNaN(x)) n++;
        return n;
    }

    /** Whether every run has finished every episode. */
    public boolean complete() {
        return episodesDone() == Version.values().length * seeds.length * episodes;
    }

    // ---------------------------------------------------------------- text

    /** The table as CSV, finished episodes only, after {@code comment} (each line prefixed with #). */
    public String toCsv(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\\R")) if (!line.isBlank()) sb.append("# ").append(line).append('\n');
        boolean withEval = hasEval();
        sb.append("system,").append(system.cliName()).append('\n').append(withEval ? EVAL_HEADER : HEADER).append('\n');
        for (Version v : Version.values()) {
            for (int s = 0; s < seeds.length; s++) {
                for (int e = 0; e < episodes; e++) {
                    double r = real[v.ordinal()][s][e];
                    if (Double.isNaN(r)) continue;
                    sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.3f", v.cliName(), seeds[s], e + 1, r,
                            predicted[v.ordinal()][s][e]));
                    if (withEval) sb.append(String.format(Locale.ROOT, ",%.3f", eval[v.ordinal()][s][e]));
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * Reads {@link #toCsv} text.
     *
     * @throws IllegalArgumentException naming {@code source}, the line and the problem
     */
    public static ComparisonTable parse(String text, String source) {
        ControlSystem system = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals(HEADER) || line.equals(EVAL_HEADER)) continue;
            String where = source + ", line " + (n + 1) + ": ";
            String[] f = line.split(",");
            if (f.length == 2 && f[0].equals("system")) {
                try {
                    system = ControlSystem.fromCliName(f[1].strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + e.getMessage());
                }
                continue;
            }
            if (f.length != 5 && f.length != 6) throw new IllegalArgumentException(where + "expected " + HEADER + ", got \"" + line + "\"");
            rows.add(f);
            lineNumbers.add(n + 1);
        }
        if (system == null) throw new IllegalArgumentException(source + ": no \"system,NAME\" line");
        List<Long> seeds = new ArrayList<>();
        int episodes = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            String where = source + ", line " + lineNumbers.get(i) + ": ";
            try {
                Version.fromCliName(f[0].strip());
                long seed = Long.parseLong(f[1].strip());
                int episode = Integer.parseInt(f[2].strip());
                if (episode < 1) throw new IllegalArgumentException("episode " + episode + " is not at least 1");
                if (!seeds.contains(seed)) seeds.add(seed);
                episodes = Math.max(episodes, episode);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "not a number: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        ComparisonTable t = empty(system, episodes, seeds.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            Version v = Version.fromCliName(f[0].strip());
            int s = seeds.indexOf(Long.parseLong(f[1].strip()));
            int e = Integer.parseInt(f[2].strip()) - 1;
            try {
                t.real[v.ordinal()][s][e] = Double.parseDouble(f[3].strip());
                t.predicted[v.ordinal()][s][e] = Double.parseDouble(f[4].strip());
                if (f.length == 6) t.eval[v.ordinal()][s][e] = Double.parseDouble(f[5].strip());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException(source + ", line " + lineNumbers.get(i) + ": not a number: " + x.getMessage());
            }
        }
        return t;
    }

    /** The recorded comparison's file name in its lesson folder. */
    public static final String RECORDED_FILE = "comparison.csv";

    /**
     * The recorded comparison shipped with the lesson.
     *
     * @throws IllegalStateException when it is missing or unreadable
     */
    public static ComparisonTable recorded() {
        try (InputStream in = ComparisonTable.class.getResourceAsStream(RECORDED)) {
            if (in == null) {
                throw new IllegalStateException("no recorded comparison (" + RECORDED + " is not on the classpath); "
                        + "make one with 'mbrl-lab mbrl-compare'");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RECORDED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RECORDED + ": " + e.getMessage(), e);
        }
    }

    private static double[][][] deepCopy(double[][][] a) {
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = new double[a[i].length][];
            for (int j = 0; j < a[i].length; j++) c[i][j] = a[i][j].clone();
        }
        return c;
    }
}
