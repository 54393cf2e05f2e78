package org.mbrllab.engine.worldmodels;

import java.util.random.RandomGenerator;

/**
 * Chooses the agent's action in a {@link Dodge} game from the game's state. The two here are the
 * lesson's yardsticks: what a random policy scores (the data V and M learn from) and what a simple
 * hand-written one scores (the level a trained controller should reach).
 */
@FunctionalInterface
public interface DodgePolicy {

    /** The action for the game as it is now; {@code random} is the policy's own stream. */
    Dodge.Action act(Dodge game, RandomGenerator random);

    /** Uniformly random actions, as World Models collects its data. */
    static DodgePolicy random() {
        Dodge.Action[] actions = Dodge.Action.values();
        return (game, random) -> actions[random.nextInt(actions.length)];
    }

    /**
     * Steps away from the nearest threats. For each action, with x′ the agent's next left cell, the danger
     * is
     * <pre>
     *   d(a) = Σ over rocks above the agent's cells x′ … x′ + width − 1 of        1 / (1 + rows to go)
     *        + Σ over rocks only one column beside them of             0.3 / (1 + rows to go)
     *        + 0.01 |x′ − centre|
     * </pre>
     * where "rows to go" is how many falls the rock needs to reach the agent's row: a close rock above the
     * agent weighs most, one just beside it (where a later step could meet it) less; the small pull to the centre keeps the
     * agent out of the corners, where it can flee only one way. It takes the least dangerous action, STAY
     * on a tie. It looks one step ahead only, so a wall of rocks can still catch it.
     */
    static DodgePolicy evasive() {
        return (game, random) -> {
            Dodge.Action best = Dodge.Action.STAY;
            double least = danger(game, Dodge.Action.STAY);
            for (Dodge.Action a : new Dodge.Action[] {Dodge.Action.LEFT, Dodge.Action.RIGHT}) {
                double d = danger(game, a);
                if (d < least) {
                    least = d;
                    best = a;
                }
            }
            return best;
        };
    }

    /**
     * Plans against the rocks it can see. A rock needs 14 steps from the top to the agent's row, so the
     * visible rocks alone decide whether the agent can survive the next {@value #HORIZON} steps; this
     * policy works that out by dynamic programming over the agent's cells:
     * <pre>
     *   alive(H, x) = safe(H, x)
     *   alive(t, x) = safe(t, x) and alive(t + 1, x′) for some x′ in {x − 1, x, x + 1} (within the walls)
     * </pre>
     * where safe(t, x) says no visible rock, after t more falls, covers the agent at x. Among the actions
     * whose next cell survives longest, it takes the one {@link #evasive()} finds least dangerous (so it
     * keeps clear of rocks it could still dodge later). It only fails when rocks appearing later box it in.
     */
    static DodgePolicy lookahead() {
        return (game, random) -> {
            int[] survives = survivalSteps(game);
            int longest = 0;
            for (Dodge.Action a : Dodge.Action.values()) longest = Math.max(longest, survives[next(game, a)]);
            Dodge.Action best = null;
            double least = Double.POSITIVE_INFINITY;
            for (Dodge.Action a : new Dodge.Action[] {Dodge.Action.STAY, Dodge.Action.LEFT, Dodge.Action.RIGHT}) {
                if (survives[next(game, a)] < longest) continue;
                double d = danger(game, a);
                if (d < least) {
                    least = d;
                    best = a;
                }
            }
            return best;
        };
    }

    /** Steps ahead the look-ahead plans: the falls a new rock needs to reach the agent's row. */
    int HORIZON = Dodge.AGENT_ROW - (Dodge.ROCK_SIZE - 1);

    /** For each agent cell x after the next move, how many of the next {@link #HORIZON} steps it can survive. */
    private static int[] survivalSteps(Dodge game) {
        int cells = Dodge.MAX_AGENT_X + 1;
        // alive[x] at step t: the most steps survivable from cell x with t falls done (t = HORIZON down to 1).
        int[] alive = new int[cells];
        int[] earlier = new int[cells];
        for (int t = HORIZON; t >= 1; t--) {
            for (int x = 0; x < cells; x++) {
                if (!safe(game, t, x)) {
                    earlier[x] = t - 1;
                    continue;
                }
                int best = t;
                if (t < HORIZON) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = x + dx;
                        if (y >= 0 && y < cells) best = Math.max(best, alive[y]);
                    }
                } else {
                    best = HORIZON;
                }
                earlier[x] = best;
            }
            int[] swap = alive;
            alive = earlier;
            earlier = swap;
        }
        return alive;
    }

    /** Whether no visible rock covers the agent at cell x after t more falls. */
    private static boolean safe(Dodge game, int t, int x) {
        for (int i = 0; i < game.rocks(); i++) {
            if (Dodge.covers(game.rockColumn(i), game.rockRow(i) + t, x)) return false;
        }
        return true;
    }

    private static int next(Dodge game, Dodge.Action a) {
        return Math.max(0, Math.min(Dodge.MAX_AGENT_X, game.agentX() + a.delta()));
    }

    /** How much a rock one column beside the agent counts, against 1 for a rock above it. */
    double BESIDE_WEIGHT = 0.3;

    private static double danger(Dodge game, Dodge.Action action) {
        int x = next(game, action);
        double d = 0.01 * Math.abs(x - Dodge.START_X);
        for (int i = 0; i < game.rocks(); i++) {
            int c = game.rockColumn(i);
            boolean over = c + Dodge.ROCK_SIZE > x && c < x + Dodge.AGENT_WIDTH;
            boolean beside = c + Dodge.ROCK_SIZE > x - 1 && c < x + Dodge.AGENT_WIDTH + 1;
            if (!beside) continue;
            // After the next fall the rock's top row is r + 1; it covers the agent's row once that reaches AGENT_ROW − 1.
            int toGo = Math.max(0, Dodge.AGENT_ROW - (Dodge.ROCK_SIZE - 1) - (game.rockRow(i) + 1));
            d += (over ? 1 : BESIDE_WEIGHT) / (1 + toGo);
        }
        return d;
    }
}
