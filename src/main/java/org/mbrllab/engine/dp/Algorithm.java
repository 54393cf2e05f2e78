package org.mbrllab.engine.dp;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The dynamic-programming algorithms of Sutton &amp; Barto (2018), chapter 4. */
public enum Algorithm {
    /** Iterative policy evaluation (section 4.1): the values of one fixed policy. */
    POLICY_EVALUATION("policy-evaluation", "Policy evaluation"),
    /** Policy iteration (section 4.3): evaluate, improve greedily, repeat until the policy is stable. */
    POLICY_ITERATION("policy-iteration", "Policy iteration"),
    /** Value iteration (section 4.4): the Bellman optimality backup, sweep after sweep. */
    VALUE_ITERATION("value-iteration", "Value iteration");

    private final String cliName;
    private final String displayName;

    Algorithm(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** The name used in layout files and on the command line, e.g. "value-iteration". */
    public String cliName() { return cliName; }

    /** The name a student reads, e.g. "Value iteration". */
    public String displayName() { return displayName; }

    /**
     * The algorithm named {@code name} ("value-iteration" …, case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static Algorithm fromCliName(String name) {
        for (Algorithm a : values()) {
            if (a.cliName.equalsIgnoreCase(name.strip())) return a;
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (allowed: " + allowed() + ")");
    }

    /** "policy-evaluation, policy-iteration, value-iteration". */
    public static String allowed() {
        return Arrays.stream(values()).map(Algorithm::cliName).collect(Collectors.joining(", "));
    }

    /** The display name, so that a list of algorithms reads well without a converter. */
    @Override
    public String toString() {
        return displayName;
    }
}
