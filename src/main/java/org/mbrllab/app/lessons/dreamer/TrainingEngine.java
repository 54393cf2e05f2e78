package org.mbrllab.app.lessons.dreamer;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.RssmConfig;
import org.mbrllab.engine.dreamer.RssmTrainer;
import org.mbrllab.engine.dreamer.RssmUpdate;
import org.mbrllab.engine.nn.Nd4jRuntime;
import org.mbrllab.engine.run.Engine;

/**
 * "Train from scratch" on the runner's worker: the first {@link #step()} collects the random episodes and
 * builds the graph (ND4J starts here, never when the pane opens); every later step is one update of the world
 * model ({@link RssmTrainer#step()}). When the last update is done, the snapshot carries the trained model as a
 * {@link DreamerNetworks}, which the pane then uses in place of the one before.
 */
final class TrainingEngine implements Engine<TrainingEngine.Snapshot> {

    /**
     * What the pane shows of a training run.
     *
     * @param updates        updates done
     * @param maxUpdates     updates planned
     * @param loss           the last update's loss (NaN before the first)
     * @param updatesPerSecond the pace since the first update (NaN until two updates)
     * @param secondsLeft    the time left at that pace (NaN until known)
     * @param result         the trained model, once done; null before
     */
    record Snapshot(int updates, int maxUpdates, double loss, double updatesPerSecond, double secondsLeft,
                    DreamerNetworks result) {
        boolean done() {
            return result != null;
        }
    }

    private final RssmConfig config;
    private final int episodes;
    private final LongSupplier clock;
    private PixelEpisodes data;
    private RssmTrainer trainer;
    private long firstUpdate;
    private DreamerNetworks result;

    /** @param episodes random episodes to collect and train on */
    TrainingEngine(RssmConfig config, int episodes, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.episodes = episodes;
        this.clock = nanoClock;
    }

    @Override
    public boolean step() {
        if (result != null) return false;
        if (trainer == null) {
            // 1. The data and the graph: one step, so that the pace counts only updates.
            data = DreamerData.training(config.seed(), episodes);
            Nd4jRuntime.ensureReady();
            trainer = new RssmTrainer(config, data);
            return true;
        }
        // 2. One update.
        if (trainer.updates() == 0) firstUpdate = clock.getAsLong();
        boolean more = trainer.step();
        // 3. The end: the model, frozen, with what it was trained on.
        if (!more) result = DreamerNetworks.of(trainer.freeze(), config.seed(), episodes, trainer.updates(), data.meanFrame());
        return more;
    }

    @Override
    public boolean isDone() {
        return result != null;
    }

    @Override
    public Snapshot snapshot() {
        int n = trainer == null ? 0 : trainer.updates();
        double loss = Double.NaN;
        double pace = Double.NaN;
        double left = Double.NaN;
        if (n > 0) {
            var history = trainer.snapshot().history();
            RssmUpdate last = history.get(history.size() - 1);
            loss = last.loss();
            double seconds = (clock.getAsLong() - firstUpdate) / 1e9;
            if (n > 1 && seconds > 0) {
                pace = n / seconds;
                left = (config.maxUpdates() - n) / pace;
            }
        }
        return new Snapshot(n, config.maxUpdates(), loss, pace, left, result);
    }
}
