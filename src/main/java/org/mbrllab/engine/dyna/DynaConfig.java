package org.mbrllab.engine.dyna;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * How a Dyna agent learns and plans. The compact constructor checks every field and names the field, the
 * value and the allowed range when one is wrong.
 *
 * @param agent         which algorithm
 * @param alpha         step size α of every Q update, real or simulated; in [0, 1]
 * @param gamma         discount γ; in [0, 1]
 * @param epsilon       ε of ε-greedy acting; in [0, 1]
 * @param planningSteps n: planning updates after each real step (prioritized sweeping: at most n, fewer
 *                      when the queue empties); in [0, 100 000]; must be 0 for Q-learning
 * @param kappa         κ of Dyna-Q+'s bonus κ√τ; in [0, 10]; only Dyna-Q+ uses it
 * @param theta         θ, the smallest priority prioritized sweeping queues; in [0, 1000]; only
 *                      prioritized sweeping uses it
 */
public record DynaConfig(AgentKind agent, double alpha, double gamma, double epsilon, int planningSteps,
                         double kappa, double theta) {

    public static final ParameterSpec ALPHA = ParameterSpec.real("alpha", "α (step size)", 0, 1, 0.1,
            "How far each update moves Q(S, A) towards its target.");
    public static final ParameterSpec GAMMA = ParameterSpec.real("gamma", "γ (discount)", 0, 1, 0.95,
            "Weight of the next state's value; below 1 it makes shorter paths worth more.");
    public static final ParameterSpec EPSILON = ParameterSpec.real("epsilon", "ε (exploration)", 0, 1, 0.1,
            "Probability of a uniformly random action instead of the greedy one.");
    public static final ParameterSpec PLANNING_STEPS = ParameterSpec.whole("planning_steps", "n (planning steps)", 0,
            100_000, 50, "Simulated updates from the model after every real step.");
    public static final ParameterSpec KAPPA = ParameterSpec.real("kappa", "κ (exploration bonus)", 0, 10, 1e-4,
            "Dyna-Q+ adds κ√τ to simulated rewards, τ = real steps since the pair was last tried.");
    public static final ParameterSpec THETA = ParameterSpec.real("theta", "θ (priority threshold)", 0, 1000, 1e-4,
            "Prioritized sweeping queues a pair only when its update would change Q by more than θ.");

    public DynaConfig {
        Objects.requireNonNull(agent, "agent");
        ALPHA.validate(alpha);
        GAMMA.validate(gamma);
        EPSILON.validate(epsilon);
        PLANNING_STEPS.validate(planningSteps);
        KAPPA.validate(kappa);
        THETA.validate(theta);
        if (agent == AgentKind.Q_LEARNING && planningSteps != 0) {
            throw new IllegalArgumentException("planning_steps = " + planningSteps
                    + " is out of range for q-learning: allowed 0 (Q-learning does not plan)");
        }
    }

    /** The numeric settings, for sliders and command-line range messages. */
    public static List<ParameterSpec> specs() {
        return List.of(ALPHA, GAMMA, EPSILON, PLANNING_STEPS, KAPPA, THETA);
    }

    public DynaConfig withAgent(AgentKind a) {
        return new DynaConfig(a, alpha, gamma, epsilon, a == AgentKind.Q_LEARNING ? 0 : planningSteps, kappa, theta);
    }

    public DynaConfig withAlpha(double v) { return new DynaConfig(agent, v, gamma, epsilon, planningSteps, kappa, theta); }

    public DynaConfig withGamma(double v) { return new DynaConfig(agent, alpha, v, epsilon, planningSteps, kappa, theta); }

    public DynaConfig withEpsilon(double v) { return new DynaConfig(agent, alpha, gamma, v, planningSteps, kappa, theta); }

    public DynaConfig withPlanningSteps(int n) { return new DynaConfig(agent, alpha, gamma, epsilon, n, kappa, theta); }

    public DynaConfig withKappa(double v) { return new DynaConfig(agent, alpha, gamma, epsilon, planningSteps, v, theta); }

    public DynaConfig withTheta(double v) { return new DynaConfig(agent, alpha, gamma, epsilon, planningSteps, kappa, v); }
}
