package org.mbrllab.engine.dp;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a sweep writes its new values (Sutton &amp; Barto 2018, section 4.1). */
public enum Sweep {
    /**
     * Two arrays: every backup of a sweep reads the values of the previous sweep, and the arrays are
     * swapped when the sweep ends (the "two-array" version of the book; Figure 4.1 uses it).
     */
    SYNCHRONOUS("synchronous"),
    /**
     * One array, updated in place in row-major order (Gauss–Seidel): a backup already sees the new
     * values of the cells before it in the same sweep. Usually converges in fewer sweeps.
     */
    IN_PLACE("in-place");

    private final String cliName;

    Sweep(String cliName) {
        this.cliName = cliName;
    }

    /** "synchronous" or "in-place". */
    public String cliName() { return cliName; }

    /**
     * The sweep named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static Sweep fromCliName(String name) {
        for (Sweep s : values()) {
            if (s.cliName.equalsIgnoreCase(name.strip())) return s;
        }
        throw new IllegalArgumentException("unknown sweep '" + name + "' (allowed: "
                + Arrays.stream(values()).map(Sweep::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
