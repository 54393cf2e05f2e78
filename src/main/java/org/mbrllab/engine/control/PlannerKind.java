package org.mbrllab.engine.control;

import java.util.Locale;

/** The planners MPC can replan with. */
public enum PlannerKind {
    /** {@link IlqrPlanner}: iLQR warm-started from the shifted previous plan. */
    ILQR("ilqr", "iLQR"),
    /** {@link RandomShootingPlanner}: the best of many random control sequences. */
    SHOOTING("shooting", "random shooting"),
    /** {@link CemPlanner}: the cross-entropy method. */
    CEM("cem", "CEM");

    private final String cliName;
    private final String displayName;

    PlannerKind(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    /** The planner of this kind for {@code model}, {@code cost} and {@code settings}. */
    public Planner create(Dynamics model, QuadraticCost cost, MpcSettings settings) {
        return switch (this) {
            case ILQR -> new IlqrPlanner(model, cost, settings.horizon(), settings.ilqrIterations());
            case SHOOTING -> new RandomShootingPlanner(model, cost, settings.horizon(), settings.samples(), settings.seed());
            case CEM -> new CemPlanner(model, cost, settings.horizon(), settings.samples(), settings.elites(),
                    settings.cemIterations(), settings.seed());
        };
    }

    public static PlannerKind fromCliName(String name) {
        for (PlannerKind k : values()) if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown planner '" + name + "' (planners: ilqr, shooting, cem)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
