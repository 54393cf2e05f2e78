package org.mbrllab.app.lessons.dreamer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.application.Platform;
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
import org.mbrllab.engine.dreamer.Imagination;
import org.mbrllab.engine.dreamer.TrainingCurve;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.GaussianKl;
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
 * <p>The other views have their own small models, fed from here when the model or the strip changes: the
 * strip's states give the latent-state view ({@link Latent}) and the start of the λ-return trajectory
 * ({@link ReturnsViewModel}); the file in use ({@link ModelInUse}: its actor, critic and curve, if any) feeds the
 * driven pendulums ({@link DriveViewModel}) and the batch of imagined trajectories ({@link BehaviourViewModel}).
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

    /**
     * The strip's model states, for the latent-state view: one column per frame of the strip (C context, then H
     * imagined).
     *
     * @param h             h_k, the deterministic state, C + H rows of H_units values
     * @param z             z_k, the stochastic state (ε = 0: the mean of the Gaussian it comes from), C + H rows
     * @param posteriorMean μ_q over the context: what the model made of each frame it saw, C rows
     * @param priorMean     μ_p over the context: what it expected at the same h before seeing the frame, C rows
     * @param kl            KL(q ‖ p) per context step, in nats (the first step's prior knows nothing: h = 0)
     * @param context       C
     * @param horizon       H
     */
    record Latent(List<float[]> h, List<float[]> z, List<float[]> posteriorMean, List<float[]> priorMean, double[] kl,
                  int context, int horizon) {}

    /**
     * A held-out window: the C context frames of sequence {@code sequence} start at step {@code start} of
     * held-out episode {@code episode}.
     */
    record Window(int sequence, int episode, int start, int context) {}

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final IntegerProperty horizon = new SimpleIntegerProperty(this, "horizon", MAX_HORIZON);
    private final IntegerProperty context = new SimpleIntegerProperty(this, "context", OpenLoop.CONTEXT);
    private final IntegerProperty sequence = new SimpleIntegerProperty(this, "sequence", 0);
    private final ReadOnlyObjectWrapper<DreamerNetworks> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Strip> strip = new ReadOnlyObjectWrapper<>(this, "strip");
    private final ReadOnlyObjectWrapper<OpenLoop.Result> openLoop = new ReadOnlyObjectWrapper<>(this, "openLoop");
    private final ReadOnlyObjectWrapper<TrainingEngine.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper(this, "modelStatus", "");
    private final ReadOnlyObjectWrapper<Latent> latent = new ReadOnlyObjectWrapper<>(this, "latent");
    private final DriveViewModel drive = new DriveViewModel();
    private final ReturnsViewModel returns = new ReturnsViewModel();
    private final BehaviourViewModel behaviour = new BehaviourViewModel();
    private ModelInUse inUse;
    /** Whether models load on a thread of their own (the app) or at once (tests with a synchronous runner). */
    private boolean background;
    /** Loads begun; a load's result is shown only if no newer one began (and the pane was not left). */
    private int loads;
    private Supplier<DreamerNetworks> shippedSource = DreamerViewModel::readShipped;
    private RssmConfig base = RssmConfig.defaults();
    private PixelEpisodes heldOut;
    private long heldOutSeed;
    private TrainingEngine.Snapshot adopted;
    private List<float[]> rolledTruth = List.of();
    private List<float[]> rolledModel = List.of();
    private List<FrozenRssm.State> rolledStates = List.of();

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
    /** The strip's model states (h, z, posterior and prior means, KL), for the latent-state view. */
    ReadOnlyObjectProperty<Latent> latentProperty() { return latent.getReadOnlyProperty(); }
    /** The real pendulum and the model's imagination, driven by the person. */
    DriveViewModel drive() { return drive; }
    /** λ-returns along an imagined trajectory from the strip's last context state. */
    ReturnsViewModel returns() { return returns; }
    /** A batch of imagined trajectories, and the file's training curve. */
    BehaviourViewModel behaviour() { return behaviour; }
    /** The file in use and what it carries beyond the world model, or null when there is none. */
    ModelInUse inUse() { return inUse; }
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
        background = !runners.isSynchronous();
        useShipped();
        start(runners);
    }

    @Override
    public void close() {
        loads++; // a load still under way is not shown
        super.close();
    }

    /**
     * Stops a training run and goes back to the shipped world model. In the app the file is read and measured on
     * a daemon thread of its own and shown when ready (some 100 to 200 ms of work); in tests, at once.
     */
    void useShipped() {
        if (runner() != null) runner().pause();
        Supplier<DreamerNetworks> source = shippedSource;
        PixelEpisodes cached = heldOut;
        long cachedSeed = heldOutSeed;
        load(() -> {
            DreamerNetworks n = source.get();
            return prepare(n, "Shipped world model: " + describe(n) + ".", cached != null && cachedSeed == n.seed() ? cached : null);
        }, e -> "Could not load the shipped world model (" + e.getMessage() + "). Train from scratch.", true);
    }

    /**
     * Computes what a model needs before it is shown (off the FX thread in the app), then shows it on the FX
     * thread; only the newest load is shown. A failure is shown as {@code failure}'s message.
     *
     * @param resetRun whether the run is reset once the model is shown (going back to the shipped model ends a
     *                 training run; adopting the model a run just trained does not)
     */
    private void load(Supplier<Prepared> work, java.util.function.Function<RuntimeException, String> failure,
                      boolean resetRun) {
        int load = ++loads;
        if (!background) {
            try {
                show(work.get());
            } catch (RuntimeException e) {
                showFailure(failure.apply(e));
            }
            if (resetRun && isStarted()) reset();
            return;
        }
        modelStatus.set("Loading the world model …");
        Thread t = new Thread(() -> {
            Prepared p = null;
            String problem = null;
            try {
                p = work.get();
            } catch (RuntimeException e) {
                problem = failure.apply(e);
            }
            Prepared ready = p;
            String why = problem;
            Platform.runLater(() -> {
                if (load != loads) return;
                if (ready != null) show(ready);
                else showFailure(why);
                if (resetRun && isStarted()) reset();
            });
        }, "dreamer-load");
        t.setDaemon(true);
        t.start();
    }

    private void showFailure(String message) {
        model.set(null);
        strip.set(null);
        openLoop.set(null);
        latent.set(null);
        inUse = null;
        drive.setModel(null);
        behaviour.setModel(null);
        modelStatus.set(message);
    }

    /** Trains a world model from nothing with the pane's parameters; it replaces the one in use when done. */
    void trainFromScratch() {
        if (runner() == null) return;
        loads++; // a shipped model still loading must not reset this run when it arrives
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
            DreamerNetworks n = s.result();
            PixelEpisodes h = heldOutFor(n);
            load(() -> prepare(n, "Trained now: " + describe(n) + ".", h), e -> "Could not show the trained model ("
                    + e.getMessage() + ").", false);
        }
    }

    private static String describe(DreamerNetworks n) {
        boolean agent = TrainingCurve.of(n).isPresent();
        return n.updates() + " updates on " + n.episodes() + (agent ? " episodes, random at first, then of its own actor"
                : " random episodes") + " (seed " + n.seed() + "), h of " + n.model().deterministic() + ", z of "
                + n.model().stochastic() + (n.model().categorical() ? " × " + n.model().classes() + " categorical" : "")
                + (Imagination.behaviour(n).isPresent() ? "; with its actor and critic" : "");
    }

    // ---------------------------------------------------------------- the model in use

    /**
     * What a model needs before it is shown, computed on any thread from immutable inputs: its held-out episodes,
     * what the file carries, the open-loop benchmark and the behaviour batch.
     */
    record Prepared(DreamerNetworks networks, PixelEpisodes heldOut, ModelInUse inUse, OpenLoop.Result openLoop,
                    BehaviourViewModel.Behaviour batch, String status) {}

    /** The held-out episodes of a model's seed if they are already made, else null (FX thread). */
    private PixelEpisodes heldOutFor(DreamerNetworks n) {
        return heldOut != null && heldOutSeed == n.seed() ? heldOut : null;
    }

    static Prepared prepare(DreamerNetworks n, String status, PixelEpisodes heldOutOrNull) {
        PixelEpisodes h = heldOutOrNull != null ? heldOutOrNull : DreamerData.heldOut(n.seed());
        ModelInUse m = ModelInUse.of(n, h);
        OpenLoop.Result r = DreamerData.openLoop(h, n.meanFrame()).evaluate(n.model());
        return new Prepared(n, h, m, r, BehaviourViewModel.compute(m), status
                + String.format(Locale.ROOT, " Open loop over 15 steps: %.2f × the mean frame's error, "
                + "%.2f × copying the last frame's.", r.mse() / r.baselineMeanFrame(), r.mse() / r.baselineCopyLast()));
    }

    /** Shows a prepared model (FX thread): the strip, the views and the status. */
    private void show(Prepared p) {
        heldOut = p.heldOut();
        heldOutSeed = p.networks().seed();
        inUse = p.inUse();
        model.set(p.networks());
        drive.setModel(inUse);
        behaviour.show(p.batch());
        openLoop.set(p.openLoop());
        modelStatus.set(p.status());
        rollOut();
    }

    /** Runs the sequence through the model: the context filtered, then all {@value #MAX_HORIZON} steps imagined. */
    private void rollOut() {
        DreamerNetworks n = model.get();
        if (n == null) return;
        FrozenRssm m = n.model();
        int c = context.get();
        Window w = window(sequence.get(), c);
        List<float[]> truth = new ArrayList<>();
        List<float[]> decoded = new ArrayList<>();
        List<FrozenRssm.State> states = new ArrayList<>();
        FrozenRssm.State state = null;
        for (int k = 0; k < c + MAX_HORIZON; k++) {
            float[] frame = new float[PixelPendulum.PIXELS];
            heldOut.frame(w.episode(), w.start() + k, frame);
            double torque = k == 0 ? 0 : heldOut.action(w.episode(), w.start() + k - 1);
            // The context is filtered; after it, each step starts from the state just imagined.
            state = k < c ? m.observe(state, torque, frame, null) : m.imagine(state, torque, null);
            truth.add(frame);
            decoded.add(m.decode(state));
            states.add(state);
        }
        rolledTruth = truth;
        rolledModel = decoded;
        rolledStates = states;
        returns.setStart(inUse, states.get(c - 1), trueTorques(heldOut, w, MAX_HORIZON));
        showStrip(w.sequence(), w.episode(), w.start());
    }

    /** Held-out sequence i (0 … {@link #SEQUENCES} − 1) with C context frames: see the class comment. */
    static Window window(int i, int c) {
        int perEpisode = SEQUENCES / DreamerData.HELD_OUT_EPISODES;
        return new Window(i, i / perEpisode, (i % perEpisode) * WINDOW + MAX_CONTEXT - c, c);
    }

    /** The posterior state after filtering a window's context frames (ε = 0). */
    static FrozenRssm.State filter(FrozenRssm m, PixelEpisodes heldOut, Window w) {
        FrozenRssm.State state = null;
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int k = 0; k < w.context(); k++) {
            heldOut.frame(w.episode(), w.start() + k, frame);
            state = m.observe(state, k == 0 ? 0 : heldOut.action(w.episode(), w.start() + k - 1), frame, null);
        }
        return state;
    }

    /** The n true torques taken from a window's last context frame on. */
    static double[] trueTorques(PixelEpisodes heldOut, Window w, int n) {
        double[] u = new double[n];
        for (int t = 0; t < n; t++) u[t] = heldOut.action(w.episode(), w.start() + w.context() - 1 + t);
        return u;
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
        latent.set(latent(c, h));
    }

    private Latent latent(int c, int h) {
        FrozenRssm m = model.get().model();
        List<float[]> hs = new ArrayList<>(), zs = new ArrayList<>(), posterior = new ArrayList<>(), prior = new ArrayList<>();
        double[] kl = new double[c];
        for (int k = 0; k < c + h; k++) {
            FrozenRssm.State s = rolledStates.get(k);
            hs.add(s.h());
            zs.add(s.z());
            if (k < c) {
                posterior.add(s.mean());
                prior.add(m.prior(s)[0]);
                kl[k] = GaussianKl.posteriorToPrior(m, s);
            }
        }
        return new Latent(List.copyOf(hs), List.copyOf(zs), List.copyOf(posterior), List.copyOf(prior), kl, c, h);
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
