package org.mbrllab.engine.dp;

import java.util.List;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The numbers of a grid world: discount, slip and rewards. The compact constructor checks every field
 * against its {@link ParameterSpec}, so an out-of-range value fails with a message that names the
 * field, the value and the range ("gamma = 1.5 is out of range: allowed [0, 1]").
 *
 * <p>Each transition earns exactly one of these rewards; {@link GridWorld} says which.
 *
 * @param gamma        γ, the discount factor, in [0, 1]
 * @param slip         p, the probability that a move slips: the intended move happens with probability
 *                     1 − p and each of the two moves at right angles with p/2; in [0, 1]
 * @param livingReward reward of an ordinary move onto a non-terminal cell
 * @param bumpReward   reward of a move that hits a wall or the edge and leaves the agent in place
 * @param goalReward   reward for entering a built-in goal cell {@code G}
 * @param pitReward    reward for entering a built-in pit cell {@code H}
 */
public record GridWorldParams(double gamma, double slip, double livingReward, double bumpReward,
                              double goalReward, double pitReward) {

    /**
     * The slip of Gymnasium's FrozenLake with {@code is_slippery=True}: the intended move and both moves
     * at right angles each happen with probability 1/3.
     */
    public static final double FROZEN_LAKE_SLIP = 2.0 / 3.0;

    /** The word for {@link #FROZEN_LAKE_SLIP} in layout files and on the command line. */
    public static final String FROZEN_LAKE_WORD = "frozenlake";

    /** Largest reward magnitude of any transition (rewards lie in [−1000, 1000]). */
    public static final double MAX_REWARD = 1000;

    public static final ParameterSpec GAMMA = ParameterSpec.real("gamma", "γ (discount)", 0, 1, 0.9,
            "How much a reward one step later is worth compared with a reward now. "
                    + "At 1, with no terminal cell in reach, values grow without bound.");
    public static final ParameterSpec SLIP = ParameterSpec.real("slip", "slip probability", 0, 1, 0,
            "How often a move goes sideways: half of it to each side of the intended direction. "
                    + "FrozenLake uses 2/3, so every direction is equally likely.");
    public static final ParameterSpec LIVING_REWARD = ParameterSpec.real("living_reward", "living reward",
            -MAX_REWARD, MAX_REWARD, 0, "Reward of every ordinary step. Negative values make the agent hurry.");
    public static final ParameterSpec BUMP_REWARD = ParameterSpec.real("bump_reward", "bump reward",
            -MAX_REWARD, MAX_REWARD, 0, "Reward of a move into a wall or off the grid; the agent stays where it is.");
    public static final ParameterSpec GOAL_REWARD = ParameterSpec.real("goal_reward", "goal reward",
            -MAX_REWARD, MAX_REWARD, 1, "Reward for stepping onto a goal cell G. The episode ends there.");
    public static final ParameterSpec PIT_REWARD = ParameterSpec.real("pit_reward", "pit reward",
            -MAX_REWARD, MAX_REWARD, -1, "Reward for falling into a pit H. The episode ends there.");

    private static final List<ParameterSpec> SPECS =
            List.of(GAMMA, SLIP, LIVING_REWARD, BUMP_REWARD, GOAL_REWARD, PIT_REWARD);

    public GridWorldParams {
        GAMMA.validate(gamma);
        SLIP.validate(slip);
        LIVING_REWARD.validate(livingReward);
        BUMP_REWARD.validate(bumpReward);
        GOAL_REWARD.validate(goalReward);
        PIT_REWARD.validate(pitReward);
    }

    /**
     * Reads a slip as written in layout files and on the command line: a plain decimal, or the word
     * {@code frozenlake} (= 2/3). The range is not checked here.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static double parseSlip(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase(FROZEN_LAKE_WORD)) return FROZEN_LAKE_SLIP;
        if (!LayoutParser.isDecimal(t)) {
            throw new IllegalArgumentException("'" + text + "' is neither a probability nor '" + FROZEN_LAKE_WORD + "'");
        }
        return LayoutParser.decimal(t);
    }

    /** The slip as {@link #parseSlip} reads it: {@code frozenlake} for 2/3, else the number. */
    public static String formatSlip(double slip) {
        return slip == FROZEN_LAKE_SLIP ? FROZEN_LAKE_WORD : org.mbrllab.engine.core.Format.number(slip);
    }

    /** Every parameter in the order of the record, keyed as in layout files. */
    public static List<ParameterSpec> specs() {
        return SPECS;
    }

    /** The spec with {@code key}, or an exception listing the keys. */
    public static ParameterSpec spec(String key) {
        for (ParameterSpec s : SPECS) {
            if (s.key().equals(key)) return s;
        }
        throw new IllegalArgumentException("unknown grid-world parameter '" + key + "' (allowed: "
                + String.join(", ", SPECS.stream().map(ParameterSpec::key).toList()) + ")");
    }

    /** Every parameter at its spec's default. */
    public static GridWorldParams defaults() {
        return new GridWorldParams(GAMMA.defaultValue(), SLIP.defaultValue(), LIVING_REWARD.defaultValue(),
                BUMP_REWARD.defaultValue(), GOAL_REWARD.defaultValue(), PIT_REWARD.defaultValue());
    }

    /** The value of the parameter {@code key} ("gamma", "slip", "living_reward" …). */
    public double get(String key) {
        return switch (spec(key).key()) {
            case "gamma" -> gamma;
            case "slip" -> slip;
            case "living_reward" -> livingReward;
            case "bump_reward" -> bumpReward;
            case "goal_reward" -> goalReward;
            default -> pitReward;
        };
    }

    /** A copy with the parameter {@code key} set to {@code value}, checked against its range. */
    public GridWorldParams with(String key, double value) {
        spec(key).validate(value);
        return switch (key) {
            case "gamma" -> new GridWorldParams(value, slip, livingReward, bumpReward, goalReward, pitReward);
            case "slip" -> new GridWorldParams(gamma, value, livingReward, bumpReward, goalReward, pitReward);
            case "living_reward" -> new GridWorldParams(gamma, slip, value, bumpReward, goalReward, pitReward);
            case "bump_reward" -> new GridWorldParams(gamma, slip, livingReward, value, goalReward, pitReward);
            case "goal_reward" -> new GridWorldParams(gamma, slip, livingReward, bumpReward, value, pitReward);
            default -> new GridWorldParams(gamma, slip, livingReward, bumpReward, goalReward, value);
        };
    }
}
