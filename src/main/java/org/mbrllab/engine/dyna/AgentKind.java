package org.mbrllab.engine.dyna;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four agents of Sutton &amp; Barto's chapter 8, by their command-line names. */
public enum AgentKind {
    /** One-step tabular Q-learning: Dyna-Q with no planning (n = 0). */
    Q_LEARNING("q-learning", "Q-learning"),
    /** Dyna-Q (§8.2): direct RL, model learning and n uniformly sampled planning updates per real step. */
    DYNA_Q("dyna-q", "Dyna-Q"),
    /** Dyna-Q+ (§8.3): Dyna-Q with the exploration bonus κ√τ on simulated rewards. */
    DYNA_Q_PLUS("dyna-q+", "Dyna-Q+"),
    /** Prioritized sweeping (§8.4): planning updates taken from a queue ordered by |ΔQ|. */
    PRIORITIZED_SWEEPING("prioritized-sweeping", "Prioritized sweeping");

    private final String cliName;
    private final String displayName;

    AgentKind(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** "q-learning", "dyna-q", "dyna-q+" or "prioritized-sweeping". */
    public String cliName() { return cliName; }

    /** "Q-learning", "Dyna-Q" … for labels. */
    public String displayName() { return displayName; }

    /** Whether the agent plans from a model (everything but Q-learning). */
    public boolean plans() { return this != Q_LEARNING; }

    /**
     * The agent named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static AgentKind fromCliName(String name) {
        for (AgentKind k : values()) {
            if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) return k;
        }
        throw new IllegalArgumentException("unknown agent '" + name + "' (agents: " + names() + ")");
    }

    /** The command-line names, joined by ", ". */
    public static String names() {
        return Arrays.stream(values()).map(AgentKind::cliName).collect(Collectors.joining(", "));
    }
}
