package org.mbrllab.engine.control;

/**
 * What a sampling planner ({@link RandomShootingPlanner}, {@link CemPlanner}) needs of a model: many
 * states advanced one step at once. The known systems ({@link Dynamics}) are such models, and so is a
 * learned one ({@code org.mbrllab.engine.model.LearnedDynamics}), which is how the course's "drop-in
 * replacement" of p by p̂_θ happens in code: the planners never learn which kind they were given.
 *
 * <p>One call of {@link #stepBatch} is one time step of every sampled sequence, and a planner makes
 * its calls in time order, sequence i always at position i. A learned model may rely on that (to keep
 * sequence i with one ensemble member, or to draw a member afresh each step).
 */
public interface BatchDynamics {

    /** n, the number of state entries. */
    int stateSize();

    /** The largest |u| that acts; +∞ for no limit. */
    double controlLimit();

    /**
     * Advances {@code count} states stored one after another in {@code xs} (state i at
     * {@code xs[i*n] … xs[i*n + n − 1]}) by one step with control i in {@code us[i]}, writing the next
     * states to {@code next} in the same layout.
     */
    void stepBatch(double[] xs, double[] us, double[] next, int count);

    /** u clipped to ±{@link #controlLimit()}. */
    default double clip(double u) {
        double limit = controlLimit();
        return Math.max(-limit, Math.min(limit, u));
    }
}
