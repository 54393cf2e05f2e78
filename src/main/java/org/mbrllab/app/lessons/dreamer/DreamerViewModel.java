package org.mbrllab.app.lessons.dreamer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.dreamer.RssmConfig;
import org.mbrllab.engine.run.RunStatus;

/**
 * The imagination viewer's view-model. It holds the world model in use (shipped, or trained in the pane),
 * the held-out episodes that go with it ({@link DreamerData#heldOut}), and what the views draw: the open-loop
 * strip of one held-out sequence ({@link Strip}) and the error per imagined step on the lesson's fixed
 * benchmark ({@link OpenLoop.Result}). Training from scratch runs on the runner's worker ({@link TrainingEngine});
 * the strip is rolled out here, on the calling thread, by the plain-Java {@link FrozenRssm} (a few
 * milliseconds). It never touches a control, so tests drive it synchronously.
 *
 * <h2>The sequences of the strip</h2>
 * Windows of {@value #MAX_CONTEXT} + {@value #MAX_HORIZON} frames, four to a held-out episode. Imagination always
 * starts at the window's frame {@value #MAX_CONTEXT}; the context is the C frames just before it. So the
 * context slider changes how much the model has seen, never which future it must predict.
 */
final class DreamerViewModel extends RunnerViewModel<TrainingEngine, TrainingEngine.Snapshot> {
    static final int MAX_HORIZON = OpenLoop.HORIZON;
    static final int MAX_CONTEXT = 10;
    private static final int WINDOW = MAX_CONTEXT + MAX_HORIZON;
    static final int SEQUENCES = (PixelEpisodes.STEPS + 1) / WINDOW * DreamerData.HELD_OUT_EPISODES;

    static final ParameterSpec UPDATES = ParameterSpec.whole("updates", "updates", 1, 20000, 4000,
            "Updates of the world model when it is trained from scratch (each a batch of 16 sequences of 16 steps).");
    static final ParameterSpec EPISODES = ParameterSpec.whole("episodes", "random episodes", 10, 2000, 200,
            "Random-torque episodes of 100 steps the world model learns from.");
    static final ParameterSpec LATENTS = ParameterSpec.whole("latents", "categorical z (0/1)", 0, 1, 0,
            "The stochastic state z of a model trained from scratch: 0, a Gaussian of 16 dimensions (Dreamer); 1, "
                    + "categorical: 16 groups of 16 classes, one-hot each, with straight-through gradients (DreamerV2).");

    /**
     * One held-out sequence through the model: C context frames, then H imagined.
     *
     * @param truth    the C + H real frames
     * @param model    the model's frames: the context reconstructed (filtered), then imagined
     * @param context  C
     * @param horizon  H
     * @param stepMse  the mean squared pixel error of each imagined frame, H values
     * @param sequence which held-out sequence, from 0
     * @param episode  its held-out episode, from 0
     * @param start    the step of that episode the first context frame shows
     */
    record Strip(List<float[]> truth, List<float[]> model, int context, int horizon, double[] stepMse, int sequence,
                 int episode, int start) {}

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final IntegerProperty horizon = new SimpleIntegerProperty(this, "horizon", MAX_HORIZON);
    private final IntegerProperty context = new SimpleIntegerProperty(this, "context", OpenLoop.CONTEXT);
    private final IntegerProperty sequence = new SimpleIntegerProperty(this, "sequence", 0);
    private final ReadOnlyObjectWrapper<DreamerNetworks> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Strip> strip = new ReadOnlyObjectWrapper<>(this, "strip");
    private final ReadOnlyObjectWrapper<OpenLoop.Result> openLoop = new ReadOnlyObjectWrapper<>(this, "openLoop");
    private final ReadOnlyObjectWrapper<TrainingEngine.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper(this, "modelStatus", "");
    private Supplier<DreamerNetworks> shippedSource = DreamerViewModel::readShipped;
    private RssmConfig base = RssmConfig.defaults();
    private PixelEpisodes heldOut;
    private long heldOutSeed;
    private TrainingEngine.Snapshot adopted;
    private List<float[]> rolledTruth = List.of();
    private List<float[]> rolledModel = List.of();

    DreamerViewModel() {
        super("dreamer");
        horizon.addListener((obs, o, n) -> showStrip());
        context.addListener((obs, o, n) -> rollOut());
        sequence.addListener((obs, o, n) -> rollOut());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(UPDATES, EPISODES, LATENTS);
    }

    @Override public ParameterModel parameters() { return parameters; }
    /** H, imagined frames shown, 1 to {@value #MAX_HORIZON}. */
    IntegerProperty horizonProperty() { return horizon; }
    /** C, context frames, 1 to {@value #MAX_CONTEXT}. */
    IntegerProperty contextProperty() { return context; }
    /** The held-out sequence shown, 0 to {@link #SEQUENCES} − 1. */
    IntegerProperty sequenceProperty() { return sequence; }
    ReadOnlyObjectProperty<DreamerNetworks> modelProperty() { return model.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Strip> stripProperty() { return strip.getReadOnlyProperty(); }
    /** The model's open-loop errors on the fixed benchmark (5 context frames, 50 held-out sequences). */
    ReadOnlyObjectProperty<OpenLoop.Result> openLoopProperty() { return openLoop.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<TrainingEngine.Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    /** Which model is in use, or why the shipped one could not be read. */
    ReadOnlyStringProperty modelStatusProperty() { return modelStatus.getReadOnlyProperty(); }

    /** For tests: where the shipped model comes from. */
    void setShippedSource(Supplier<DreamerNetworks> source) {
        shippedSource = source;
    }

    /** For tests: the shape of the model trained from scratch (its updates and seed still come from the pane). */
    void setTrainingBase(RssmConfig config) {
        base = config;
    }

    static DreamerNetworks readShipped() {
        try {
            return DreamerNetworks.shipped();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        useShipped();
        start(runners);
    }

    /** Stops a training run and goes back to the shipped world model. */
    void useShipped() {
        if (runner() != null) runner().pause();
        try {
            DreamerNetworks n = shippedSource.get();
            use(n, "Shipped world model: " + describe(n) + ".");
        } catch (RuntimeException e) {
            model.set(null);
            strip.set(null);
            openLoop.set(null);
            modelStatus.set("Could not load the shipped world model (" + e.getMessage() + "). Train from scratch.");
        }
        if (isStarted()) reset();
    }

    /** Trains a world model from nothing with the pane's parameters; it replaces the one in use when done. */
    void trainFromScratch() {
        if (runner() == null) return;
        reset();
        runner().run();
    }

    /** The next held-out sequence (after the last, the first). */
    void anotherSequence() {
        sequence.set((sequence.get() + 1) % SEQUENCES);
    }

    RssmConfig trainingConfig() {
        RssmConfig.Latents latents = parameters.get(LATENTS.key()) == 1 ? RssmConfig.Latents.CATEGORICAL
                : RssmConfig.Latents.GAUSSIAN;
        return base.withLatents(latents).withSeed(seed()).withMaxUpdates((int) parameters.get(UPDATES.key()));
    }

    @Override
    protected Supplier<TrainingEngine> engineFactory() {
        RssmConfig c = trainingConfig();
        int episodes = (int) parameters.get(EPISODES.key());
        adopted = null;
        return () -> new TrainingEngine(c, episodes, System::nanoTime);
    }

    @Override
    protected void onSnapshot(TrainingEngine.Snapshot s, RunStatus status) {
        snapshot.set(s);
        if (s.done() && s != adopted) {
            adopted = s;
            use(s.result(), "Trained now: " + describe(s.result()) + ".");
        }
    }

    private static String describe(DreamerNetworks n) {
        return n.updates() + " updates on " + n.episodes() + " random episodes (seed " + n.seed() + "), h of "
                + n.model().deterministic() + ", z of " + n.model().stochastic()
                + (n.model().categorical() ? " × " + n.model().classes() + " categorical" : "");
    }

    // ---------------------------------------------------------------- the model in use

    private void use(DreamerNetworks n, String status) {
        if (heldOut == null || heldOutSeed != n.seed()) {
            heldOut = DreamerData.heldOut(n.seed());
            heldOutSeed = n.seed();
        }
        model.set(n);
        openLoop.set(DreamerData.openLoop(heldOut, n.meanFrame()).evaluate(n.model()));
        OpenLoop.Result r = openLoop.get();
        modelStatus.set(status + String.format(Locale.ROOT, " Open loop over 15 steps: %.2f × the mean frame's error, "
                + "%.2f × copying the last frame's.", r.mse() / r.baselineMeanFrame(), r.mse() / r.baselineCopyLast()));
        rollOut();
    }

    /** Runs the sequence through the model: the context filtered, then all {@value #MAX_HORIZON} steps imagined. */
    private void rollOut() {
        DreamerNetworks n = model.get();
        if (n == null) return;
        FrozenRssm m = n.model();
        int c = context.get();
        int i = sequence.get();
        int episode = i / (SEQUENCES / DreamerData.HELD_OUT_EPISODES);
        int start = (i % (SEQUENCES / DreamerData.HELD_OUT_EPISODES)) * WINDOW + MAX_CONTEXT - c;
        List<float[]> truth = new ArrayList<>();
        List<float[]> decoded = new ArrayList<>();
        FrozenRssm.State state = null;
        for (int k = 0; k < c + MAX_HORIZON; k++) {
            float[] frame = new float[PixelPendulum.PIXELS];
            heldOut.frame(episode, start + k, frame);
            double torque = k == 0 ? 0 : heldOut.action(episode, start + k - 1);
            // The context is filtered; after it, each step starts from the state just imagined.
            state = k < c ? m.observe(state, torque, frame, null) : m.imagine(state, torque, null);
            truth.add(frame);
            decoded.add(m.decode(state));
        }
        rolledTruth = truth;
        rolledModel = decoded;
        showStrip(i, episode, start);
    }

    private void showStrip() {
        Strip s = strip.get();
        if (s != null) showStrip(s.sequence(), s.episode(), s.start());
    }

    private void showStrip(int i, int episode, int start) {
        int c = context.get();
        int h = horizon.get();
        if (rolledTruth.size() < c + h) return;
        double[] mse = new double[h];
        for (int k = 0; k < h; k++) {
            float[] t = rolledTruth.get(c + k);
            float[] p = rolledModel.get(c + k);
            double sum = 0;
            for (int q = 0; q < t.length; q++) sum += (p[q] - t[q]) * (double) (p[q] - t[q]);
            mse[k] = sum / t.length;
        }
        strip.set(new Strip(List.copyOf(rolledTruth.subList(0, c + h)), List.copyOf(rolledModel.subList(0, c + h)),
                c, h, mse, i, episode, start));
    }

    // ---------------------------------------------------------------- status

    @Override
    protected String describe(RunStatus status) {
        TrainingEngine.Snapshot s = snapshot.get();
        if (s == null || (s.updates() == 0 && !status.running())) return "The world model is ready: move the sliders, or train from scratch";
        String where = progressText(s);
        return switch (status.state()) {
            case RUNNING -> "Training: " + where;
            case PAUSED -> "Paused: " + where;
            case DONE -> "Done: " + where;
            case DIVERGED -> "Stopped: the loss diverged";
            case FAILED -> "Stopped: " + status.message();
        };
    }

    /** "update 120 of 4000 · 14.2 updates/s · 4 min 31 s left · loss 5.31". */
    static String progressText(TrainingEngine.Snapshot s) {
        if (s.updates() == 0) return "collecting random episodes and building the graph";
        StringBuilder b = new StringBuilder("update ").append(s.updates()).append(" of ").append(s.maxUpdates());
        if (!Double.isNaN(s.updatesPerSecond())) b.append(" · ").append(Format.fixed(s.updatesPerSecond(), 1)).append(" updates/s");
        if (!s.done() && !Double.isNaN(s.secondsLeft())) b.append(" · ").append(duration(s.secondsLeft())).append(" left");
        if (!Double.isNaN(s.loss())) b.append(" · loss ").append(Format.fixed(s.loss(), 2));
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
