package org.mbrllab.engine.model;

import java.util.List;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.run.Engine;

/**
 * V1 … V4 on the same seeds: for every seed in turn, the four loops of {@link ModelBasedPlanning} with
 * the same settings but the version, one after another. One {@link #step()} is one step of the loop
 * under way, so the comparison can be paused, animated and cancelled like any engine; the table of real
 * returns fills as episodes finish. The course's figure is the mean real return per episode and version
 * with a band over the seeds ({@link ComparisonTable#band}).
 *
 * <p>Each loop is seeded only by its own seed, so the entries for seed s are the numbers
 * {@code mbrl --version v --seed s} prints. Confined to one thread; only {@link #snapshot()}s leave it.
 */
public final class VersionComparison implements Engine<VersionComparison.Progress> {

    /**
     * What the comparison has done so far.
     *
     * @param table   the returns so far (a copy)
     * @param version the version being run (the last one once done)
     * @param seed    the seed being run
     * @param run     runs finished, of {@code runs}
     * @param runs    versions × seeds
     * @param episode the planning episode of the run under way (0 while it collects or fits first)
     * @param done    whether every run has finished
     */
    public record Progress(ComparisonTable table, Version version, long seed, int run, int runs, int episode,
                           boolean done) {}

    private final MbrlSettings base;
    private final long[] seeds;
    private final ComparisonTable table;
    private int run;
    private ModelBasedPlanning loop;
    private int booked;

    /**
     * @param base  the settings of every run; its version and seed are replaced
     * @param seeds the seeds, at least one
     */
    public VersionComparison(MbrlSettings base, long[] seeds) {
        if (seeds.length == 0) throw new IllegalArgumentException("seeds: need at least one, got none");
        this.base = base;
        this.seeds = seeds.clone();
        this.table = ComparisonTable.empty(base.system(), base.episodes(), seeds);
    }

    /** Seeds 0, 1, …, count − 1. */
    public static long[] firstSeeds(int count) {
        long[] s = new long[count];
        for (int i = 0; i < count; i++) s[i] = i;
        return s;
    }

    private int runs() {
        return seeds.length * Version.values().length;
    }

    private Version version(int r) {
        return Version.values()[r % Version.values().length];
    }

    private int seedIndex(int r) {
        return r / Version.values().length;
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        if (loop == null) {
            loop = new ModelBasedPlanning(base.withVersion(version(run)).withSeed(seeds[seedIndex(run)]));
            booked = 0;
        }
        loop.step();
        // Book every episode as soon as it ends (one step ends at most one).
        List<MbrlSnapshot.EpisodeResult> results = loop.results();
        for (; booked < results.size(); booked++) table.put(version(run), seedIndex(run), results.get(booked));
        if (loop.isDone()) {
            loop = null;
            run++;
        }
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return run == runs();
    }

    /** Runs every loop to its end (the command line). */
    public ComparisonTable runToEnd() {
        while (step()) {
            // one loop step at a time
        }
        return table.copy();
    }

    @Override
    public Progress snapshot() {
        int r = Math.min(run, runs() - 1);
        return new Progress(table.copy(), version(r), seeds[seedIndex(r)], run, runs(),
                loop == null ? 0 : loop.episode(), isDone());
    }
}
