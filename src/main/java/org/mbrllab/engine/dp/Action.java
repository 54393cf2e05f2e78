package org.mbrllab.engine.dp;

import java.util.StringJoiner;

/**
 * The four moves of a grid world, in the fixed order UP, DOWN, LEFT, RIGHT. The order matters: it is the
 * action index {@code a} in {@code s*4 + a}, the bit {@code 1 << a} in policy bitmasks, and the order in
 * which tied actions are listed ("up|left").
 */
public enum Action {
    UP(-1, 0, "↑"),
    DOWN(1, 0, "↓"),
    LEFT(0, -1, "←"),
    RIGHT(0, 1, "→");

    /** Number of actions; every state of a grid world has all of them. */
    public static final int COUNT = 4;

    private static final Action[] VALUES = values();

    private final int dr;
    private final int dc;
    private final String arrow;

    Action(int dr, int dc, String arrow) {
        this.dr = dr;
        this.dc = dc;
        this.arrow = arrow;
    }

    /** Row change: −1 is up (rows count from the top). */
    public int dr() { return dr; }

    /** Column change: +1 is right. */
    public int dc() { return dc; }

    /** "up", "down", "left" or "right". */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** An arrow for tables: ↑ ↓ ← →. */
    public String arrow() { return arrow; }

    /** The action with index {@code a} (0 = UP … 3 = RIGHT). */
    public static Action of(int a) { return VALUES[a]; }

    /** The two moves at right angles to this one, in action order (UP, DOWN or LEFT, RIGHT). */
    public Action[] perpendicular() {
        return dr == 0 ? new Action[] {UP, DOWN} : new Action[] {LEFT, RIGHT};
    }

    /** The actions whose bits are set in {@code mask}, joined by "|" in action order, e.g. "up|left"; "" for 0. */
    public static String labels(int mask) {
        StringJoiner joined = new StringJoiner("|");
        for (Action a : VALUES) {
            if ((mask & (1 << a.ordinal())) != 0) joined.add(a.label());
        }
        return joined.toString();
    }

    /** The arrows whose bits are set in {@code mask}, in action order, e.g. "↑←"; "" for 0. */
    public static String arrows(int mask) {
        StringBuilder b = new StringBuilder();
        for (Action a : VALUES) {
            if ((mask & (1 << a.ordinal())) != 0) b.append(a.arrow);
        }
        return b.toString();
    }
}
