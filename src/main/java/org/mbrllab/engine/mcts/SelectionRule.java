package org.mbrllab.engine.mcts;

/**
 * How {@link Mcts} picks a child during selection: the move a maximising the score Q(s, a) + U(s, a),
 * where Q(s, a) = W(s, a)/N(s, a) is the mean backed-up value of the move for the side to move in s, and U
 * is an exploration bonus.
 *
 * <h2>UCB1 (the course's formula; Kocsis &amp; Szepesvári 2006)</h2>
 * <pre>  a* = argmax_a [ Q(s, a) + c · √( ln N(s) / N(s, a) ) ]</pre>
 * A move not yet tried (N(s, a) = 0) has U = +∞, so every move is tried once before any is tried twice.
 * c = √2 is the value of the UCB1 regret bound for rewards in [0, 1]; with values in [−1, 1] larger c
 * explores more.
 *
 * <h2>PUCT (AlphaZero; Silver et al. 2017, "Mastering the game of Go without human knowledge")</h2>
 * <pre>  a* = argmax_a [ Q(s, a) + c_puct · P(s, a) · √N(s) / (1 + N(s, a)) ]</pre>
 * P(s, a) is the prior of the move from the {@link Evaluator} (a network's policy; uniform, 1/|legal
 * moves|, for rollouts). An untried move has Q = 0, as in the paper, and is chosen only when its prior
 * bonus beats the tried moves.
 *
 * <p>In both, N(s) is the visit count of the node of s (which counts its own evaluation besides its
 * children's visits). Ties, including those between untried moves under UCB1, are broken uniformly at
 * random by the search's seeded generator (Browne et al. 2012, "A survey of Monte Carlo tree search
 * methods", IEEE TCIAIG 4(1), §3.3).
 */
public enum SelectionRule {
    /** Q + c·√(ln N(s) / N(s, a)), untried moves first. */
    UCB1("UCB1"),
    /** Q + c_puct·P·√N(s) / (1 + N(s, a)). */
    PUCT("PUCT");

    private final String displayName;

    SelectionRule(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The exploration term U(s, a) of this rule.
     *
     * @param c            c (UCB1) or c_puct (PUCT)
     * @param prior        P(s, a); ignored by UCB1
     * @param parentVisits N(s)
     * @param childVisits  N(s, a)
     */
    public double exploration(double c, double prior, int parentVisits, int childVisits) {
        return this == UCB1 ? ucb1Exploration(c, parentVisits, childVisits)
                : puctExploration(c, prior, parentVisits, childVisits);
    }

    /** c·√(ln N(s) / N(s, a)); +∞ for an untried move (N(s, a) = 0). */
    public static double ucb1Exploration(double c, int parentVisits, int childVisits) {
        if (childVisits == 0) return Double.POSITIVE_INFINITY;
        return c * Math.sqrt(Math.log(parentVisits) / childVisits);
    }

    /** c_puct·P(s, a)·√N(s) / (1 + N(s, a)). */
    public static double puctExploration(double c, double prior, int parentVisits, int childVisits) {
        return c * prior * Math.sqrt(parentVisits) / (1 + childVisits);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
