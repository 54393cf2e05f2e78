package org.mbrllab.engine.metrpo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluations of several runs (ME-TRPO with some K, model-free TRPO) over several seeds, and their
 * summary per run kind and real-step count: mean, lowest and highest seed. The pane draws the paper's
 * Figure 2 (return against real steps, ME-TRPO beside TRPO) and Figure 4 (K = 1, 5, 10, 20) from it.
 *
 * <p>As text (CSV): a header {@value #HEADER}, then one row per evaluation; {@code method} is
 * {@code metrpo} or {@code trpo} (members is then 0); lines starting with {@code #} are comments. The
 * recorded file the lesson ships is {@value #RECORDED_FILE}.
 */
public final class MeTrpoRecord {

    /** The lesson's data file with the recorded runs. */
    public static final String RECORDED_FILE = "comparison.csv";
    public static final String HEADER = "method,members,seed,real_steps,real_return";

    /** Which runs: ME-TRPO with K members, or model-free TRPO (members 0). */
    public record Kind(boolean modelFree, int members) implements Comparable<Kind> {
        public static Kind trpo() {
            return new Kind(true, 0);
        }

        public static Kind metrpo(int members) {
            return new Kind(false, members);
        }

        @Override
        public int compareTo(Kind o) {
            if (modelFree != o.modelFree) return modelFree ? 1 : -1;
            return Integer.compare(members, o.members);
        }

        @Override
        public String toString() {
            return modelFree ? "TRPO (model-free)" : "ME-TRPO, K = " + members;
        }
    }

    /**
     * A summary over seeds at each real-step count, in increasing order.
     *
     * @param worstSeed the seed whose last evaluation is lowest
     */
    public record Curve(Kind kind, long[] realSteps, double[] mean, double[] low, double[] high, int[] seeds,
                        long worstSeed, double[] worst) {}

    private final Map<Kind, Map<Long, TreeMap<Long, Double>>> runs = new TreeMap<>();

    /** Adds one evaluation. */
    public void add(Kind kind, long seed, long realSteps, double realReturn) {
        Objects.requireNonNull(kind, "kind");
        runs.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(seed, s -> new TreeMap<>())
                .put(realSteps, realReturn);
    }

    /** Adds every evaluation of one run. */
    public void addRun(Kind kind, long seed, List<MeTrpoSnapshot.Evaluation> evaluations) {
        for (MeTrpoSnapshot.Evaluation e : evaluations) add(kind, seed, e.realSteps(), e.realReturn());
    }

    public List<Kind> kinds() {
        return List.copyOf(runs.keySet());
    }

    /** The seeds recorded for {@code kind}. */
    public List<Long> seeds(Kind kind) {
        Map<Long, TreeMap<Long, Double>> bySeed = runs.get(kind);
        return bySeed == null ? List.of() : List.copyOf(bySeed.keySet());
    }

    /** One seed's evaluations of {@code kind}, real steps to return. */
    public Map<Long, Double> run(Kind kind, long seed) {
        Map<Long, TreeMap<Long, Double>> bySeed = runs.get(kind);
        TreeMap<Long, Double> r = bySeed == null ? null : bySeed.get(seed);
        return r == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(r));
    }

    /** The summary of {@code kind} over its seeds, or null when there is none. */
    public Curve curve(Kind kind) {
        Map<Long, TreeMap<Long, Double>> bySeed = runs.get(kind);
        if (bySeed == null || bySeed.isEmpty()) return null;
        TreeSet<Long> steps = new TreeSet<>();
        for (TreeMap<Long, Double> r : bySeed.values()) steps.addAll(r.keySet());
        int n = steps.size();
        long[] x = new long[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int[] count = new int[n];
        int i = 0;
        for (long step : steps) {
            x[i] = step;
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (TreeMap<Long, Double> r : bySeed.values()) {
                Double v = r.get(step);
                if (v == null) continue;
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                count[i]++;
            }
            mean[i] = sum / count[i];
            low[i] = lo;
            high[i] = hi;
            i++;
        }
        long worstSeed = 0;
        double worstLast = Double.POSITIVE_INFINITY;
        for (Map.Entry<Long, TreeMap<Long, Double>> e : bySeed.entrySet()) {
            double last = e.getValue().lastEntry().getValue();
            if (last < worstLast) {
                worstLast = last;
                worstSeed = e.getKey();
            }
        }
        double[] worst = new double[n];
        TreeMap<Long, Double> w = bySeed.get(worstSeed);
        for (int j = 0; j < n; j++) worst[j] = w.getOrDefault(x[j], Double.NaN);
        return new Curve(kind, x, mean, low, high, count, worstSeed, worst);
    }

    /**
     * The fewest real steps after which {@code kind}'s seed reaches {@code target} (its first evaluation at
     * or above it), or −1 if it never does.
     */
    public long stepsToReach(Kind kind, long seed, double target) {
        for (Map.Entry<Long, Double> e : run(kind, seed).entrySet()) if (e.getValue() >= target) return e.getKey();
        return -1;
    }

    /** The record as CSV, with {@code comment} lines (without their "# ") first. */
    public String toCsv(List<String> comment) {
        StringBuilder b = new StringBuilder();
        for (String c : comment) b.append("# ").append(c).append('\n');
        b.append(HEADER).append('\n');
        for (Map.Entry<Kind, Map<Long, TreeMap<Long, Double>>> k : runs.entrySet()) {
            String method = k.getKey().modelFree() ? "trpo" : "metrpo";
            for (Map.Entry<Long, TreeMap<Long, Double>> s : k.getValue().entrySet()) {
                for (Map.Entry<Long, Double> e : s.getValue().entrySet()) {
                    b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.3f%n", method, k.getKey().members(), s.getKey(),
                            e.getKey(), e.getValue()));
                }
            }
        }
        return b.toString();
    }

    /**
     * Reads the CSV written by {@link #toCsv}.
     *
     * @param source names the text in error messages
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static MeTrpoRecord parse(String text, String source) {
        MeTrpoRecord record = new MeTrpoRecord();
        boolean header = false;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ", line " + (i + 1) + ": expected the header " + HEADER);
                }
                header = true;
                continue;
            }
            String[] f = line.split(",");
            try {
                if (f.length != 5) throw new IllegalArgumentException("5 fields expected, found " + f.length);
                Kind kind = switch (f[0]) {
                    case "metrpo" -> Kind.metrpo(Integer.parseInt(f[1]));
                    case "trpo" -> Kind.trpo();
                    default -> throw new IllegalArgumentException("method '" + f[0] + "' is neither metrpo nor trpo");
                };
                if (!kind.modelFree() && (kind.members() < 1 || kind.members() > MeTrpoSettings.MEMBERS.max())) {
                    throw new IllegalArgumentException("members " + kind.members() + " is out of range: allowed 1 to "
                            + (int) MeTrpoSettings.MEMBERS.max());
                }
                double value = Double.parseDouble(f[4]);
                if (!Double.isFinite(value)) throw new IllegalArgumentException("real_return " + f[4] + " is not finite");
                record.add(kind, Long.parseLong(f[2]), Long.parseLong(f[3]), value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (!header) throw new IllegalArgumentException(source + ": no header " + HEADER);
        return record;
    }

    /** Every run kind and its seeds, for a quick look. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Kind k : runs.keySet()) parts.add(k + " × " + runs.get(k).size());
        return "MeTrpoRecord" + parts;
    }
}
