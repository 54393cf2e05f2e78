package org.mbrllab.engine.guide;

import java.util.ArrayList;
import java.util.List;

/**
 * The course's synthesis of planning with known dynamics ("which method when"), as data and as a rule:
 *
 * <table>
 *   <caption>Methods for known dynamics</caption>
 *   <tr><th>method</th><th>state space</th><th>action space</th><th>scalability</th><th>differentiable</th><th>stochastic</th></tr>
 *   <tr><td>DP / value iteration</td><td>discrete</td><td>discrete</td><td>O(|S|²|A|)</td><td>–</td><td>✓</td></tr>
 *   <tr><td>MCTS</td><td>discrete</td><td>discrete</td><td>O(b^d)</td><td>–</td><td>✓</td></tr>
 *   <tr><td>LQR</td><td>continuous</td><td>continuous</td><td>O(n³)</td><td>✓ (linear)</td><td>✓ (LQG)</td></tr>
 *   <tr><td>iLQR / DDP</td><td>continuous</td><td>continuous</td><td>O(n³) per iteration</td><td>✓ (non-linear)</td><td>×</td></tr>
 * </table>
 *
 * <p>The rule of thumb: discrete and small → DP; discrete and large → MCTS; continuous and linear → LQR;
 * continuous and non-linear → iLQR. No method dominates; the problem's characteristics decide.
 */
public final class MethodGuide {
    private MethodGuide() {}

    /** One row of the synthesis table, with the lesson that shows the method. */
    public enum Method {
        DP("DP / value iteration", true, true, "O(|S|²|A|)", "O(|S|^2\\,|A|)", "", "–", "✓", "dynamic-programming"),
        MCTS("MCTS", true, true, "O(b^d)", "O(b^d)", "", "–", "✓", "mcts"),
        LQR("LQR", false, false, "O(n³)", "O(n^3)", "", "✓ (linear)", "✓ (LQG)", "lqr"),
        ILQR("iLQR / DDP", false, false, "O(n³) per iteration", "O(n^3)", "per iteration", "✓ (non-linear)", "×", "ilqr");

        private final String title;
        private final boolean discreteStates;
        private final boolean discreteActions;
        private final String scalability;
        private final String scalabilityTex;
        private final String scalabilityNote;
        private final String differentiable;
        private final String stochastic;
        private final String lesson;

        Method(String title, boolean discreteStates, boolean discreteActions, String scalability, String scalabilityTex,
               String scalabilityNote, String differentiable, String stochastic, String lesson) {
            this.title = title;
            this.discreteStates = discreteStates;
            this.discreteActions = discreteActions;
            this.scalability = scalability;
            this.scalabilityTex = scalabilityTex;
            this.scalabilityNote = scalabilityNote;
            this.differentiable = differentiable;
            this.stochastic = stochastic;
            this.lesson = lesson;
        }

        public String title() { return title; }
        public String stateSpace() { return discreteStates ? "Discrete" : "Continuous"; }
        public String actionSpace() { return discreteActions ? "Discrete" : "Continuous"; }
        /** The cost, as plain text ("O(b^d)"): for CSV and sentences. */
        public String scalability() { return scalability; }
        /** The cost's formula as TeX ("O(b^d)"), for a view that typesets it. */
        public String scalabilityTex() { return scalabilityTex; }
        /** Words after the formula ("per iteration"), or "". */
        public String scalabilityNote() { return scalabilityNote; }
        public String differentiable() { return differentiable; }
        public String stochastic() { return stochastic; }
        /** The id of the lesson that shows this method. */
        public String lesson() { return lesson; }

        /** Whether the method handles stochastic dynamics (iLQR/DDP as taught does not). */
        public boolean handlesStochastic() {
            return this != ILQR;
        }
    }

    /**
     * What a student knows about a problem.
     *
     * @param discrete   whether states and actions are discrete (else continuous)
     * @param large      for a discrete problem: too many states to enumerate (a table per state is out)
     * @param linear     for a continuous problem: linear dynamics with a quadratic cost
     * @param stochastic whether the dynamics are stochastic
     */
    public record Problem(boolean discrete, boolean large, boolean linear, boolean stochastic) {}

    /** The course's rule of thumb: the one method it recommends for {@code p}. */
    public static Method recommend(Problem p) {
        if (p.discrete()) return p.large() ? Method.MCTS : Method.DP;
        return p.linear() ? Method.LQR : Method.ILQR;
    }

    /**
     * Every method whose assumptions the problem meets: the right kind of state and action space, and
     * stochastic dynamics only where the method handles them. DP fits a large discrete problem in
     * principle but not in practice, so it is left out there; LQR needs linear dynamics.
     */
    public static List<Method> applicable(Problem p) {
        List<Method> out = new ArrayList<>();
        for (Method m : Method.values()) {
            if (m.discreteStates != p.discrete()) continue;
            if (p.stochastic() && !m.handlesStochastic()) continue;
            if (m == Method.DP && p.large()) continue;
            if (m == Method.LQR && !p.linear()) continue;
            out.add(m);
        }
        return out;
    }

    /** Why {@code m} is or is not a fit for {@code p}, in one sentence. */
    public static String reason(Method m, Problem p) {
        if (m.discreteStates != p.discrete()) {
            return m.title() + " needs " + (m.discreteStates ? "discrete" : "continuous") + " states and actions.";
        }
        if (p.stochastic() && !m.handlesStochastic()) return m.title() + " as taught assumes deterministic dynamics.";
        if (m == Method.DP && p.large()) return "DP sweeps every state: " + m.scalability() + " per sweep is out of reach (chess has about 10^43 positions).";
        if (m == Method.LQR && !p.linear()) return "LQR is exact only for linear dynamics with a quadratic cost.";
        if (m == recommend(p)) {
            return switch (m) {
                case DP -> "Discrete and small: keep one value per state and sweep them all.";
                case MCTS -> "Discrete but too large for a table: grow only the part of the search tree that matters.";
                case LQR -> "Continuous, linear dynamics, quadratic cost: the Riccati recursion gives the optimal gain exactly.";
                case ILQR -> "Continuous and non-linear: linearise around the current trajectory, solve, repeat.";
            };
        }
        return m.title() + " works here, but " + recommend(p).title() + " is the usual choice.";
    }
}
