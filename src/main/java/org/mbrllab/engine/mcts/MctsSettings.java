package org.mbrllab.engine.mcts;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * How {@link Mcts} searches. The compact constructor checks every field and names the field, the value
 * and the allowed range when one is wrong.
 *
 * @param rule        UCB1 (rollouts, the course's formula) or PUCT (priors from a network)
 * @param c           the exploration constant: c of UCB1 or c_puct of PUCT; in [0, 100]
 * @param simulations the budget: simulations per move; in [1, 10⁷]
 * @param reuseTree   whether the subtree of the move played is kept for the next search
 * @param maxNodes    the size of the node pool; when it is full the search goes on without adding nodes
 */
public record MctsSettings(SelectionRule rule, double c, int simulations, boolean reuseTree, int maxNodes) {

    /** √2, the UCB1 constant of Kocsis &amp; Szepesvári for rewards in [0, 1]. */
    public static final double SQRT_2 = Math.sqrt(2);

    public static final ParameterSpec C = ParameterSpec.real("c", "c (exploration)", 0, 100, SQRT_2,
            "UCB1: Q + c·√(ln N(s) / N(s,a)). Larger c tries neglected moves more often; 0 is greedy.");
    public static final ParameterSpec C_PUCT = ParameterSpec.real("c_puct", "c_puct (exploration)", 0, 100, 2,
            "PUCT: Q + c_puct·P·√N(s) / (1 + N(s,a)). Larger c_puct follows the priors longer.");
    public static final ParameterSpec SIMULATIONS = ParameterSpec.whole("simulations", "simulations per move", 1,
            10_000_000, 10_000, "How many simulations the search runs before it chooses a move.");
    public static final ParameterSpec MAX_NODES = ParameterSpec.whole("max_nodes", "node pool size", 16,
            50_000_000, 4_000_000, "Most nodes in the tree; when full, simulations go on without adding nodes.");

    public MctsSettings {
        Objects.requireNonNull(rule, "rule");
        (rule == SelectionRule.UCB1 ? C : C_PUCT).validate(c);
        SIMULATIONS.validate(simulations);
        MAX_NODES.validate(maxNodes);
    }

    /** UCB1 with c = √2, 10 000 simulations, tree reuse on, a pool of 4 million nodes. */
    public static MctsSettings defaults() {
        return new MctsSettings(SelectionRule.UCB1, C.defaultValue(), (int) SIMULATIONS.defaultValue(), true,
                (int) MAX_NODES.defaultValue());
    }

    /** PUCT with c_puct = 2 and otherwise the defaults. */
    public static MctsSettings puctDefaults() {
        return defaults().withRule(SelectionRule.PUCT).withC(C_PUCT.defaultValue());
    }

    /** The numeric settings, for sliders and command-line range messages. */
    public static List<ParameterSpec> specs() {
        return List.of(C, C_PUCT, SIMULATIONS, MAX_NODES);
    }

    /** Another rule with the same c (which must be in the new rule's range). */
    public MctsSettings withRule(SelectionRule r) {
        return new MctsSettings(r, c, simulations, reuseTree, maxNodes);
    }

    public MctsSettings withC(double value) {
        return new MctsSettings(rule, value, simulations, reuseTree, maxNodes);
    }

    public MctsSettings withSimulations(int n) {
        return new MctsSettings(rule, c, n, reuseTree, maxNodes);
    }

    public MctsSettings withReuseTree(boolean reuse) {
        return new MctsSettings(rule, c, simulations, reuse, maxNodes);
    }

    public MctsSettings withMaxNodes(int n) {
        return new MctsSettings(rule, c, simulations, reuseTree, n);
    }
}
