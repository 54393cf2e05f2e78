package org.mbrllab.app.lessons.bias;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mbrllab.engine.model.BiasTable;
import org.mbrllab.engine.model.BiasTable.Outcome;

/**
 * The bias lesson's view-model: the table of outcomes being edited. Every slider move replaces the
 * {@link BiasTable} (it is immutable), and the view redraws from the new one. It never touches a
 * control, so tests drive it without the toolkit.
 *
 * <p>Rewards and probability weights are whole numbers: the course's tables use whole rewards and whole
 * percentages, and whole numbers keep the expectations exact (Case 1 gives E_p̂[R] = 8.2, not 8.25).
 */
final class BiasViewModel {

    /** The slider ranges. */
    static final double MIN_REWARD = -50;
    static final double MAX_REWARD = 50;
    static final double MAX_WEIGHT = 100;

    private final ReadOnlyObjectWrapper<BiasTable> table =
            new ReadOnlyObjectWrapper<>(this, "table", BiasTable.CASE_1_OPTIMISTIC);

    ReadOnlyObjectProperty<BiasTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    BiasTable table() {
        return table.get();
    }

    /** Loads the course's Case 1 (optimistic bias). */
    void loadCase1() {
        table.set(BiasTable.CASE_1_OPTIMISTIC);
    }

    /** Loads the course's Case 2 (pessimistic bias). */
    void loadCase2() {
        table.set(BiasTable.CASE_2_PESSIMISTIC);
    }

    /** Sets R(s′ᵢ), rounded to a whole number. */
    void setReward(int i, double reward) {
        Outcome o = table.get().outcomes().get(i);
        replace(i, new Outcome(o.name(), Math.rint(reward), o.position(), o.realWeight(), o.modelWeight()));
    }

    /**
     * Sets the real weight of outcome i, rounded to a whole number. A change that would leave every real
     * weight at 0 is refused (there would be no distribution), and the method returns false.
     */
    boolean setRealWeight(int i, double weight) {
        Outcome o = table.get().outcomes().get(i);
        return replace(i, new Outcome(o.name(), o.reward(), o.position(), Math.rint(weight), o.modelWeight()));
    }

    /** Sets the model's weight of outcome i, like {@link #setRealWeight}. */
    boolean setModelWeight(int i, double weight) {
        Outcome o = table.get().outcomes().get(i);
        return replace(i, new Outcome(o.name(), o.reward(), o.position(), o.realWeight(), Math.rint(weight)));
    }

    private boolean replace(int i, Outcome outcome) {
        if (outcome.equals(table.get().outcomes().get(i))) return true;
        try {
            table.set(table.get().with(i, outcome));
            return true;
        } catch (IllegalArgumentException allZero) {
            return false;
        }
    }

    // ---------------------------------------------------------------- presets

    /** The table as preset text: one line per outcome, "name, reward, real %, model %". */
    String presetText() {
        StringBuilder sb = new StringBuilder("# outcome, reward R, real weight p, model weight p̂ (weights are normalised)\n");
        for (Outcome o : table.get().outcomes()) {
            sb.append(o.name()).append(", ").append(plain(o.reward())).append(", ").append(plain(o.realWeight()))
                    .append(", ").append(plain(o.modelWeight())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads preset text written by {@link #presetText()}: three outcome lines, in the order goal, neutral,
     * failure; blank lines and lines starting with # are skipped.
     *
     * @throws IllegalArgumentException naming the source, the line and the problem; nothing changes
     */
    void loadPresetText(String text, String source) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Outcome> current = table.get().outcomes();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + ", line " + (n + 1) + ": ";
            String[] f = line.split("\\s*,\\s*");
            if (f.length != 4) throw new IllegalArgumentException(where + "expected \"name, reward, real %, model %\", got \"" + line + "\"");
            if (outcomes.size() == current.size()) {
                throw new IllegalArgumentException(where + "the table has " + current.size() + " outcomes, this is one more");
            }
            double reward = number(f[1], "reward", where);
            double real = number(f[2], "real weight", where);
            double model = number(f[3], "model weight", where);
            check(reward, MIN_REWARD, MAX_REWARD, "reward", where);
            check(real, 0, MAX_WEIGHT, "real weight", where);
            check(model, 0, MAX_WEIGHT, "model weight", where);
            outcomes.add(new Outcome(f[0], reward, current.get(outcomes.size()).position(), real, model));
        }
        if (outcomes.size() != current.size()) {
            throw new IllegalArgumentException(source + ": expected " + current.size() + " outcome lines, found " + outcomes.size());
        }
        try {
            table.set(new BiasTable(outcomes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static double number(String s, String what, String where) {
        try {
            double v = Double.parseDouble(s.replace('−', '-'));
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + what + " \"" + s + "\" is not a number");
        }
    }

    private static void check(double v, double min, double max, String what, String where) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(where + what + " " + plain(v) + " is outside [" + plain(min) + ", " + plain(max) + "]");
        }
    }

    // ---------------------------------------------------------------- formatting

    /**
     * An expectation as the lesson prints it: a sign, at least one and at most four decimals, a proper
     * minus sign ("+8.2", "−1.0", "0.0").
     */
    static String signed(double x) {
        BigDecimal d = new BigDecimal(Double.toString(x)).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.scale() < 1) d = d.setScale(1);
        String s = d.toPlainString();
        if (d.signum() < 0) return "−" + s.substring(1);
        return d.signum() > 0 ? "+" + s : s;
    }

    /** A probability as a percentage with one decimal ("33.0 %"). */
    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * p);
    }

    /** A whole number without ".0", other numbers as they are; a proper minus sign. */
    static String plain(double x) {
        String s = x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
