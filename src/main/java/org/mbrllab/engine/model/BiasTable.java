package org.mbrllab.engine.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The course's tables "Case 1: optimistic bias" and "Case 2: pessimistic bias": a handful of outcomes
 * s′ of one action, each with a reward R(s′), its real probability p(s′) and the probability p̂(s′) a
 * learned model gives it. The model may get the mean next state right, E_p[s′] = E_p̂[s′], and still
 * misjudge the expected reward:
 * <pre>
 *   E_p[R] = Σ_s′ p(s′) R(s′)        E_p̂[R] = Σ_s′ p̂(s′) R(s′)        bias = E_p̂[R] − E_p[R]
 * </pre>
 * A positive bias is optimistic (the agent takes unnecessary risks), a negative one pessimistic (the
 * agent avoids good actions).
 *
 * <p>Weights are normalised: p(s′) = w(s′) / Σ w, so sliders may give percentages or any non-negative
 * numbers. The sums are exact: every number is taken at its shortest decimal value ({@code 0.33} is
 * 33/100, not the nearest double) and summed in decimal arithmetic (34 significant digits), so Case 1
 * gives E_p̂[R] = 0.33·40 + 0.34·(−5) + 0.33·(−10) = 8.2 exactly. (The course's slides print 8.25.)
 */
public final class BiasTable {

    /**
     * One outcome s′ of the action.
     *
     * @param name        "Goal", "Neutral", "Failure" …
     * @param reward      R(s′)
     * @param position    where s′ lies on a line (Goal +1, Neutral 0, Failure −1 in the presets), to compare
     *                    the mean next states E[s′]
     * @param realWeight  the real probability, before normalisation; ≥ 0
     * @param modelWeight the model's probability, before normalisation; ≥ 0
     */
    public record Outcome(String name, double reward, double position, double realWeight, double modelWeight) {
        public Outcome {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(reward)) throw new IllegalArgumentException(name + ": reward " + reward + " is not finite");
            if (!Double.isFinite(position)) throw new IllegalArgumentException(name + ": position " + position + " is not finite");
            if (!(realWeight >= 0) || Double.isInfinite(realWeight)) {
                throw new IllegalArgumentException(name + ": real probability " + realWeight + " must be a finite number ≥ 0");
            }
            if (!(modelWeight >= 0) || Double.isInfinite(modelWeight)) {
                throw new IllegalArgumentException(name + ": model probability " + modelWeight + " must be a finite number ≥ 0");
            }
        }
    }

    /** Which way the model misleads the agent. */
    public enum Bias {
        /** E_p̂[R] > E_p[R]: the agent takes unnecessary risks. */
        OPTIMISTIC,
        /** E_p̂[R] < E_p[R]: the agent avoids good actions. */
        PESSIMISTIC,
        /** The two expectations agree. */
        NONE
    }

    /** Decimal arithmetic with 34 significant digits: exact for the decimals a table is made of. */
    private static final MathContext EXACT = MathContext.DECIMAL128;

    /** The course's Case 1: Goal 40, Neutral −5, Failure −10; real 10/80/10 %, model 33/34/33 %. */
    public static final BiasTable CASE_1_OPTIMISTIC = new BiasTable(List.of(
            new Outcome("Goal", 40, 1, 10, 33),
            new Outcome("Neutral", -5, 0, 80, 34),
            new Outcome("Failure", -10, -1, 10, 33)));

    /** The course's Case 2: Goal +10, Neutral +5, Failure −40; real 10/80/10 %, model 33/34/33 %. */
    public static final BiasTable CASE_2_PESSIMISTIC = new BiasTable(List.of(
            new Outcome("Goal", 10, 1, 10, 33),
            new Outcome("Neutral", 5, 0, 80, 34),
            new Outcome("Failure", -40, -1, 10, 33)));

    private final List<Outcome> outcomes;
    private final BigDecimal[] real;
    private final BigDecimal[] model;

    /**
     * @param outcomes at least one; the real weights and the model weights must each have a positive sum
     */
    public BiasTable(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        if (this.outcomes.isEmpty()) throw new IllegalArgumentException("a table needs at least one outcome");
        real = normalise(this.outcomes.stream().mapToDouble(Outcome::realWeight).toArray(), "real");
        model = normalise(this.outcomes.stream().mapToDouble(Outcome::modelWeight).toArray(), "model");
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** This table with outcome {@code i} replaced (a slider moved). */
    public BiasTable with(int i, Outcome outcome) {
        Outcome[] copy = outcomes.toArray(new Outcome[0]);
        copy[i] = outcome;
        return new BiasTable(List.of(copy));
    }

    /** p(s′ᵢ), normalised. */
    public double realProbability(int i) {
        return real[i].doubleValue();
    }

    /** p̂(s′ᵢ), normalised. */
    public double modelProbability(int i) {
        return model[i].doubleValue();
    }

    /** E_p[R], the expected reward under the real probabilities. */
    public double expectedRealReward() {
        return expectation(real, Outcome::reward).doubleValue();
    }

    /** E_p̂[R], the expected reward the model predicts. */
    public double expectedModelReward() {
        return expectation(model, Outcome::reward).doubleValue();
    }

    /** E_p̂[R] − E_p[R]: positive is optimistic, negative pessimistic. */
    public double bias() {
        return expectation(model, Outcome::reward).subtract(expectation(real, Outcome::reward), EXACT).doubleValue();
    }

    /** E_p[s′], the real mean next position. */
    public double expectedRealPosition() {
        return expectation(real, Outcome::position).doubleValue();
    }

    /** E_p̂[s′], the model's mean next position. */
    public double expectedModelPosition() {
        return expectation(model, Outcome::position).doubleValue();
    }

    /** Which way the model misleads the agent. */
    public Bias direction() {
        int sign = expectation(model, Outcome::reward).compareTo(expectation(real, Outcome::reward));
        return sign > 0 ? Bias.OPTIMISTIC : sign < 0 ? Bias.PESSIMISTIC : Bias.NONE;
    }

    /**
     * One or two sentences for the pane, with the numbers. The verdict looks at the real expectation as well
     * as the direction: an underestimate makes the agent avoid a good action only if the action is good
     * (E_p[R] > 0); if it is bad anyway, avoiding it is right, and the harm is only that it looks worse than it
     * is. Likewise an overestimate is an unnecessary risk only when the real expectation is not positive.
     */
    public String explanation() {
        BigDecimal modelValue = expectation(this.model, Outcome::reward);
        BigDecimal realValue = expectation(real, Outcome::reward);
        String model = show(modelValue);
        String truth = show(realValue);
        String gap = show(modelValue.subtract(realValue, EXACT).abs()).replace("+", "");
        String numbers = "The model expects " + model + " where the real expectation is " + truth;
        switch (direction()) {
            case OPTIMISTIC:
                return numbers + ": it overestimates by " + gap + ". " + (realValue.signum() <= 0
                        ? "An agent planning with it takes unnecessary risks."
                        : "The action is good anyway, so taking it is no mistake; but it looks better than it is, so"
                                + " the agent may prefer it to an action that is really better.");
            case PESSIMISTIC:
                return numbers + ": it underestimates by " + gap + ". " + (realValue.signum() > 0
                        ? "An agent planning with it avoids good actions."
                        : "The action is poor anyway, so avoiding it is no mistake; but it looks worse than it is, so"
                                + " the agent may prefer an action that is really worse.");
            default:
                return "The model expects " + model + ", the same as the real expectation: no bias.";
        }
    }

    // ----------------------------------------------------------------

    private interface Value {
        double of(Outcome o);
    }

    private BigDecimal expectation(BigDecimal[] p, Value value) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < p.length; i++) {
            sum = sum.add(p[i].multiply(BigDecimal.valueOf(value.of(outcomes.get(i))), EXACT), EXACT);
        }
        return sum;
    }

    private static BigDecimal[] normalise(double[] weights, String which) {
        BigDecimal total = BigDecimal.ZERO;
        for (double w : weights) total = total.add(BigDecimal.valueOf(w), EXACT);
        if (total.signum() == 0) throw new IllegalArgumentException("the " + which + " probabilities are all 0");
        BigDecimal[] p = new BigDecimal[weights.length];
        for (int i = 0; i < weights.length; i++) p[i] = BigDecimal.valueOf(weights[i]).divide(total, EXACT);
        return p;
    }

    /** At most 4 decimals, no trailing zeros, a proper minus sign. */
    private static String show(BigDecimal x) {
        String s = x.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        if (s.equals("-0")) s = "0";
        return s.startsWith("-") ? "−" + s.substring(1) : (x.signum() > 0 ? "+" + s : s);
    }
}
