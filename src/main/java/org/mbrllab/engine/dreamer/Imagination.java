package org.mbrllab.engine.dreamer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.nn.BehaviourGraph;

/**
 * One imagined trajectory as Dreamer's behaviour learning sees it (Hafner et al. 2020, section 4), in plain
 * Java: from a start state, the actor picks, the world model's prior predicts, the reward head scores each
 * step and the critic values each state. The lesson's λ-return and behaviour views draw these numbers.
 * <pre>
 *   s_0 = the start (a posterior state: the model has seen the frames up to it)
 *   u_t = 2 tanh(μ(s_t))              the actor's mean action as a torque (no noise), or given torques
 *   s_{t+1} = imagine(s_t, u_t)       ε = 0: z is the prior's mean, so the trajectory needs no seed
 *   r_t = reward(s_{t+1})             the reward of the step from s_t to s_{t+1}, as BehaviourGraph pairs them
 *   v_t = critic(s_t), t = 0 … H      or 0 when there is no critic
 *   V_λ(t) = r_t + γ [(1 − λ) v_{t+1} + λ V_λ(t+1)],  V_λ(H) = v_H     {@link LambdaReturn}
 * </pre>
 * With no critic every v is 0, and the recursion leaves V_λ(t) = r_t + γλ V_λ(t+1): the rewards summed with
 * discount γλ, the plain discounted sum only at λ = 1. BehaviourGraph samples actions and latents (ε ~ N(0, 1));
 * this class takes the means, the trajectory a viewer can show twice the same.
 *
 * <h2>Where the actor and critic come from</h2>
 * A {@link DreamerNetworks} file may carry them as sections named {@value #ACTOR_SECTION} and
 * {@value #CRITIC_SECTION}, six arrays each in {@link BehaviourGraph#ACTOR} and {@link BehaviourGraph#CRITIC}
 * order ({@link #behaviour}). The critic's output is in units of (1 − γ) v, so its value scale κ is that of
 * the agent's γ, which the section {@value #SETTINGS_SECTION} records ({@link #trainedGamma}).
 */
public final class Imagination {
    /** The section of a network file holding the actor's six arrays. */
    public static final String ACTOR_SECTION = "actor";
    /** The section holding the critic's six arrays. */
    public static final String CRITIC_SECTION = "critic";
    /** The section holding one array: γ, λ and H of the behaviour learning that trained the actor and critic. */
    public static final String SETTINGS_SECTION = "settings";
    /** The most imagined steps of one trajectory. */
    public static final int MAX_HORIZON = DreamerConfig.MAX_HORIZON;

    private Imagination() {}

    /**
     * One imagined trajectory.
     *
     * @param states  s_0 … s_H, H + 1 states (s_0 the start)
     * @param torques u_0 … u_{H−1}, in N·m
     * @param rewards r_0 … r_{H−1}, the model's predicted rewards, in the environment's units
     * @param values  v_0 … v_H, the critic's values (all 0 without a critic)
     * @param byActor whether the actor picked the torques and the critic gave the values
     */
    public record Trajectory(List<FrozenRssm.State> states, double[] torques, double[] rewards, double[] values,
                             boolean byActor) {
        public Trajectory {
            states = List.copyOf(states);
            int h = torques.length;
            if (h < 1) throw new IllegalArgumentException("a trajectory needs at least one step");
            if (states.size() != h + 1 || rewards.length != h || values.length != h + 1) {
                throw new IllegalArgumentException("a trajectory of " + h + " steps needs " + (h + 1) + " states and values and "
                        + h + " rewards, not " + states.size() + ", " + values.length + " and " + rewards.length);
            }
            torques = torques.clone();
            rewards = rewards.clone();
            values = values.clone();
        }

        /** H, the imagined steps. */
        public int horizon() {
            return torques.length;
        }

        @Override
        public double[] torques() {
            return torques.clone();
        }

        @Override
        public double[] rewards() {
            return rewards.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** V_λ(0 … H − 1) of this trajectory (every continue weight 1: the pendulum never ends early). */
        public double[] lambdaReturns(double gamma, double lambda) {
            return LambdaReturn.compute(rewards, values, gamma, lambda);
        }

        /** Σ_t r_t, the imagined return without discount. */
        public double rewardSum() {
            double s = 0;
            for (double r : rewards) s += r;
            return s;
        }
    }

    /**
     * H steps with the actor's mean actions and the critic's values, from {@code start}.
     *
     * @param horizon H, 1 to {@value #MAX_HORIZON}
     */
    public static Trajectory withActor(FrozenRssm model, FrozenActor actor, FrozenRssm.State start, int horizon) {
        Objects.requireNonNull(actor, "actor");
        Check.inRange("horizon", horizon, 1, MAX_HORIZON);
        return run(model, actor, start, new double[horizon]);
    }

    /**
     * The given torques from {@code start}, every value 0 (no critic): what the views show for a file without an
     * actor, with the held-out sequence's true torques.
     *
     * @param torques u_0 … u_{H−1} in N·m, 1 to {@value #MAX_HORIZON} of them, each finite
     */
    public static Trajectory withTorques(FrozenRssm model, FrozenRssm.State start, double[] torques) {
        Check.inRange("horizon", torques.length, 1, MAX_HORIZON);
        for (int t = 0; t < torques.length; t++) Check.finite("torques[" + t + "]", torques[t]);
        return run(model, null, start, torques.clone());
    }

    private static Trajectory run(FrozenRssm model, FrozenActor actor, FrozenRssm.State start, double[] torques) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(start, "start");
        int h = torques.length;
        List<FrozenRssm.State> states = new ArrayList<>(h + 1);
        double[] rewards = new double[h];
        double[] values = new double[h + 1];
        FrozenRssm.State s = start;
        states.add(s);
        for (int t = 0; t < h; t++) {
            // 1. The action: the actor's mean in s_t, or the given torque.
            if (actor != null) {
                torques[t] = FrozenActor.torque(actor.meanAction(s));
                values[t] = actor.value(s);
            }
            // 2. The prior's step, and the reward of the step that led into s_{t+1}.
            s = model.imagine(s, torques[t], null);
            states.add(s);
            rewards[t] = model.reward(s);
        }
        if (actor != null) values[h] = actor.value(s);
        return new Trajectory(states, torques, rewards, values, actor != null);
    }

    /**
     * The actor and critic a network file carries, if it has both sections.
     *
     * @return empty when the file has neither section (a world model alone)
     * @throws IllegalArgumentException when only one is there, or its arrays do not fit the world model (the
     *                                  message says which)
     */
    public static Optional<FrozenActor> behaviour(DreamerNetworks networks) {
        Optional<DreamerNetworks.Section> actor = section(networks, ACTOR_SECTION);
        Optional<DreamerNetworks.Section> critic = section(networks, CRITIC_SECTION);
        if (actor.isEmpty() && critic.isEmpty()) return Optional.empty();
        if (actor.isEmpty() || critic.isEmpty()) {
            throw new IllegalArgumentException("the file has a section \"" + (actor.isEmpty() ? CRITIC_SECTION : ACTOR_SECTION)
                    + "\" but no \"" + (actor.isEmpty() ? ACTOR_SECTION : CRITIC_SECTION) + "\"");
        }
        float[][] a = arrays(actor.get());
        float[][] c = arrays(critic.get());
        FrozenRssm model = networks.model();
        // The hidden layers' widths are the first biases' lengths; FrozenActor checks every other length.
        BehaviourGraph.Sizes sizes = new BehaviourGraph.Sizes(model.deterministic(), model.stochastic(),
                model.sizes().headUnits(), a[1].length, c[1].length, 1, 1);
        return Optional.of(new FrozenActor(sizes, a, c, BehaviourGraph.valueScale(trainedGamma(networks))));
    }

    /**
     * The γ the file's critic was trained with: the first value of its {@value #SETTINGS_SECTION} section (γ, λ, H,
     * as {@link DreamerAgent#networks} writes it), or {@link DreamerConfig#defaults()}'s for a file without one.
     */
    public static double trainedGamma(DreamerNetworks networks) {
        Optional<DreamerNetworks.Section> settings = section(networks, SETTINGS_SECTION);
        if (settings.isEmpty()) return DreamerConfig.defaults().gamma();
        List<float[]> a = settings.get().arrays();
        if (a.isEmpty() || a.get(0).length < 1 || !(a.get(0)[0] >= 0 && a.get(0)[0] <= 1)) {
            throw new IllegalArgumentException("section \"" + SETTINGS_SECTION + "\" does not start with a discount in [0, 1]");
        }
        return a.get(0)[0];
    }

    private static Optional<DreamerNetworks.Section> section(DreamerNetworks networks, String name) {
        return networks.sections().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static float[][] arrays(DreamerNetworks.Section s) {
        List<float[]> list = s.arrays();
        if (list.size() != 6) {
            throw new IllegalArgumentException("section \"" + s.name() + "\" has " + list.size() + " arrays, expected 6");
        }
        if (list.get(1).length < 1) throw new IllegalArgumentException("section \"" + s.name() + "\" has an empty first bias");
        return list.toArray(new float[0][]);
    }
}
