package org.mbrllab.engine.dyna;

import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * What a {@link DynaExperiment} runs: one agent's settings, what to record, for how long, how many runs,
 * and the seed they all derive from. The compact constructor checks every field and names the field,
 * the value and the allowed range when one is wrong.
 *
 * @param config  the agent and its settings
 * @param measure steps per episode (then {@code length} counts episodes) or cumulative reward (then it
 *                counts time steps)
 * @param length  episodes per run, in [1, 100 000], or time steps per run, in [1, 10 000 000]
 * @param runs    independent runs averaged, in [1, 10 000]
 * @param seed    the seed every run's acting and planning streams derive from (see {@link DynaRun#forRun})
 */
public record ExperimentPlan(DynaConfig config, Measure measure, int length, int runs, long seed) {

    public static final ParameterSpec EPISODES = ParameterSpec.whole("episodes", "episodes per run", 1, 100_000, 50,
            "Episodes each run plays; the figure shows the mean steps of each.");
    public static final ParameterSpec STEPS = ParameterSpec.whole("steps", "time steps per run", 1, 10_000_000, 3_000,
            "Real time steps each run takes; the figure shows the mean cumulative reward after each.");
    public static final ParameterSpec RUNS = ParameterSpec.whole("runs", "runs", 1, 10_000, 30,
            "Independent runs (seeds) averaged; the band is ± one standard error of their mean.");

    public ExperimentPlan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(measure, "measure");
        (measure == Measure.STEPS_PER_EPISODE ? EPISODES : STEPS).validate(length);
        RUNS.validate(runs);
    }
}
