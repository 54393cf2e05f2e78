package org.mbrllab.app.lessons.worldmodels;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.worldmodels.ControllerConfig;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.FrozenMdnRnn;
import org.mbrllab.engine.worldmodels.FrozenVae;
import org.mbrllab.engine.worldmodels.LinearController;
import org.mbrllab.engine.worldmodels.MdnRnnConfig;
import org.mbrllab.engine.worldmodels.VaeConfig;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;
import org.mbrllab.engine.worldmodels.WorldModelsPipeline;

/**
 * The World Models pane's view-model. It holds the agent in use (V, M and the controllers, from the
 * shipped file or trained in the pane), runs the pipeline's stages on the runner's worker
 * ({@link PipelineEngine}), and feeds the V view ({@link VisionViewModel}), the dream
 * ({@link DreamViewModel}) and the Table 2 rows. It never touches a control, so tests drive it
 * synchronously.
 *
 * <h2>What a stage replaces</h2>
 * A new V makes M and every controller stale (they were trained on another V's latents), so they are
 * kept for the views but marked; a new M drops the controllers likewise. A controller evolved at a τ of
 * Table 2 fills that row. "Shipped networks" brings back the file's V, M and controllers.
 */
final class WorldModelsViewModel extends RunnerViewModel<PipelineEngine, PipelineSnapshot> {

    /** The temperatures of the paper's Table 2. */
    static final List<Double> TABLE_TAUS = List.of(0.1, 0.5, 1.0, 1.15, 1.3);

    static final ParameterSpec ROLLOUTS = ParameterSpec.whole("rollouts", "random episodes", 10, 5000, 1200,
            "Episodes of random play V and M learn from (50 more are held out to measure them).");
    static final ParameterSpec VAE_EPOCHS = ParameterSpec.whole("vae_epochs", "V epochs", 1, 200, 20,
            "Passes of V's training over the collected frames.");
    static final ParameterSpec RNN_EPOCHS = ParameterSpec.whole("rnn_epochs", "M epochs", 1, 200, 10,
            "Passes of M's training over the collected episodes.");
    static final ParameterSpec GENERATIONS = ParameterSpec.whole("generations", "CMA-ES generations", 1, 1000, 100,
            "Generations of CMA-ES when C is evolved in the dream (and for each recomputed row of Table 2).");
    static final ParameterSpec POPULATION = ParameterSpec.whole("population", "candidates", 4, 256, 32,
            "Controllers CMA-ES tries per generation.");
    static final ParameterSpec DREAMS = ParameterSpec.whole("dreams", "dreams per candidate", 1, 128, 16,
            "Dreams each candidate is scored on; its score is the mean steps it survives in them.");
    static final ParameterSpec TRAIN_TAU = ParameterSpec.real("train_tau", "τ for evolving C", 0.1, 1.5, 1.0,
            "Temperature of the dream the Evolve C stage trains in (Table 2 trains at its own five).");
    static final ParameterSpec EPISODES = ParameterSpec.whole("episodes", "real test episodes", 1, 1000, 100,
            "Real episodes the test stage (and each controller's real score) averages over.");

    /**
     * One row of Table 2.
     *
     * @param dream   mean steps survived in the dream at τ; NaN if not known
     * @param real    mean steps survived in the real game; NaN if not known
     * @param source  where the numbers come from ("shipped file", "recomputed", "running", "—")
     */
    record Row(double tau, double dream, double real, String source) {}

    /** The agent in use. {@code stale} says what no longer fits a V or M trained after it. */
    record Agent(FrozenVae v, FrozenMdnRnn m, List<TrainedController> controllers, String source, String stale) {
        Agent {
            controllers = List.copyOf(controllers);
        }
    }

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final VisionViewModel vision = new VisionViewModel(11);
    private final DreamViewModel dream = new DreamViewModel(12);
    private final ReadOnlyObjectWrapper<Agent> agent = new ReadOnlyObjectWrapper<>(this, "agent");
    private final ObjectProperty<TrainedController> controller = new SimpleObjectProperty<>(this, "controller");
    private final ReadOnlyObjectWrapper<PipelineSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<List<Row>> table = new ReadOnlyObjectWrapper<>(this, "table", List.of());
    private final ReadOnlyDoubleWrapper randomScore = new ReadOnlyDoubleWrapper(this, "randomScore", Double.NaN);
    private final ReadOnlyStringWrapper networkStatus = new ReadOnlyStringWrapper(this, "networkStatus", "");
    private final List<Row> recomputed = new ArrayList<>();
    private Supplier<WorldModelsNetworks> shippedSource = WorldModelsViewModel::readShipped;
    private WorldModelsPipeline.Data data;
    private List<PipelineEngine.Task> plan = List.of();
    private List<Double> runningRows = List.of();
    private PipelineSnapshot adopted;
    private int adoptedControllers;

    WorldModelsViewModel() {
        super("world-models");
        controller.addListener((obs, o, n) -> useInViews());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(ROLLOUTS, VAE_EPOCHS, RNN_EPOCHS, GENERATIONS, POPULATION, DREAMS, TRAIN_TAU, EPISODES);
    }

    @Override public ParameterModel parameters() { return parameters; }
    VisionViewModel vision() { return vision; }
    DreamViewModel dream() { return dream; }
    ReadOnlyObjectProperty<Agent> agentProperty() { return agent.getReadOnlyProperty(); }
    /** The controller the dream and the test use. */
    ObjectProperty<TrainedController> controllerProperty() { return controller; }
    ReadOnlyObjectProperty<PipelineSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<List<Row>> tableProperty() { return table.getReadOnlyProperty(); }
    /** A random policy's mean steps survived in the real game, on the test's episodes. */
    ReadOnlyDoubleProperty randomScoreProperty() { return randomScore.getReadOnlyProperty(); }
    /** Which networks are in use, or why the shipped ones could not be read. */
    ReadOnlyStringProperty networkStatusProperty() { return networkStatus.getReadOnlyProperty(); }
    /** The stages the runner was last given. */
    List<PipelineEngine.Task> plan() { return plan; }

    /** For tests: where the shipped networks come from. */
    void setShippedSource(Supplier<WorldModelsNetworks> source) {
        shippedSource = source;
    }

    /** Reads {@link WorldModelsNetworks#SHIPPED} from the class path. */
    static WorldModelsNetworks readShipped() {
        try (InputStream in = WorldModelsViewModel.class.getResourceAsStream(WorldModelsNetworks.SHIPPED)) {
            if (in == null) throw new IllegalStateException("the app has no " + WorldModelsNetworks.SHIPPED);
            return WorldModelsNetworks.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(WorldModelsNetworks.SHIPPED + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        useShipped();
        start(runners);
    }

    /** Brings back the shipped V, M and controllers (and stops a stage that is running). */
    void useShipped() {
        if (runner() != null) runner().pause();
        recomputed.clear();
        try {
            WorldModelsNetworks n = shippedSource.get();
            setAgent(new Agent(n.v(), n.m(), n.controllers(), "shipped", ""));
            networkStatus.set("Shipped networks: V (z of " + n.v().latent() + "), M (" + n.m().hiddenUnits() + " GRU units, "
                    + n.m().components() + " Gaussians per dimension) and " + n.controllers().size() + " controllers.");
        } catch (RuntimeException e) {
            setAgent(new Agent(null, null, List.of(), "none", ""));
            networkStatus.set("Could not load the shipped networks (" + e.getMessage() + "). Train from scratch.");
        }
        randomScore.set(WorldModelsPipeline.randomPolicyScore(DodgeParams.defaults(), episodes(), seed()));
        plan = List.of();
        if (isStarted()) reset();
    }

    private void setAgent(Agent a) {
        agent.set(a);
        adoptedControllers = 0;
        TrainedController keep = a.controllers().isEmpty() ? null
                : a.controllers().stream().filter(c -> Math.abs(c.temperature() - parameters.get(TRAIN_TAU.key())) < 1e-9)
                        .findFirst().orElse(closestToOne(a.controllers()));
        if (controller.get() == keep) useInViews();
        else controller.set(keep);
        vision.use(a.v());
        updateTable();
    }

    private static TrainedController closestToOne(List<TrainedController> cs) {
        return cs.stream().min(Comparator.comparingDouble(c -> Math.abs(c.temperature() - 1))).orElse(null);
    }

    private void useInViews() {
        Agent a = agent.get();
        if (a == null) return;
        TrainedController c = controller.get();
        dream.use(a.v(), a.m(), c == null ? null : c.controller());
    }

    // ---------------------------------------------------------------- stages

    /** Runs one stage on its own from the agent in use (collecting first if it needs episodes and has none). */
    void runStage(Stage stage) {
        List<PipelineEngine.Task> tasks = new ArrayList<>();
        if ((stage == Stage.TRAIN_V || stage == Stage.TRAIN_M) && data == null) tasks.add(PipelineEngine.Task.of(Stage.COLLECT));
        tasks.add(stage == Stage.EVOLVE_C ? new PipelineEngine.Task(stage, parameters.get(TRAIN_TAU.key()))
                : PipelineEngine.Task.of(stage));
        runPlan(tasks, List.of());
    }

    /** Collect, V, M, C at the training τ, test: the whole pipeline from nothing. */
    void trainFromScratch() {
        runPlan(List.of(PipelineEngine.Task.of(Stage.COLLECT), PipelineEngine.Task.of(Stage.TRAIN_V),
                PipelineEngine.Task.of(Stage.TRAIN_M), new PipelineEngine.Task(Stage.EVOLVE_C, parameters.get(TRAIN_TAU.key())),
                PipelineEngine.Task.of(Stage.TEST)), List.of());
    }

    /**
     * Evolves a controller at each τ of {@code taus} (rows of Table 2) with the agent's V and M, scoring each
     * in the dream and the real game as {@link WorldModelsPipeline#evolve} does. Empty: the rows with no
     * numbers, or all five when every row has them.
     */
    void recompute(Set<Double> taus) {
        List<Double> rows = new ArrayList<>();
        for (double t : TABLE_TAUS) if (taus.contains(t)) rows.add(t);
        if (rows.isEmpty()) {
            for (Row r : table.get()) if (Double.isNaN(r.dream()) || Double.isNaN(r.real())) rows.add(r.tau());
        }
        if (rows.isEmpty()) rows.addAll(TABLE_TAUS);
        List<PipelineEngine.Task> tasks = new ArrayList<>();
        for (double t : rows) tasks.add(new PipelineEngine.Task(Stage.EVOLVE_C, t));
        runPlan(tasks, rows);
    }

    private void runPlan(List<PipelineEngine.Task> tasks, List<Double> rows) {
        if (runner() == null) return;
        Agent a = agent.get();
        boolean needsV = tasks.stream().anyMatch(t -> t.stage() == Stage.TRAIN_M || t.stage() == Stage.EVOLVE_C || t.stage() == Stage.TEST)
                && tasks.stream().noneMatch(t -> t.stage() == Stage.TRAIN_V);
        boolean needsM = tasks.stream().anyMatch(t -> t.stage() == Stage.EVOLVE_C || t.stage() == Stage.TEST)
                && tasks.stream().noneMatch(t -> t.stage() == Stage.TRAIN_M);
        if ((needsV && a.v() == null) || (needsM && a.m() == null)) {
            networkStatus.set("There is no " + (needsV && a.v() == null ? "V" : "M") + " to start from: train from scratch.");
            return;
        }
        boolean needsC = tasks.stream().anyMatch(t -> t.stage() == Stage.TEST)
                && tasks.stream().noneMatch(t -> t.stage() == Stage.EVOLVE_C);
        if (needsC && controller.get() == null) {
            networkStatus.set("There is no controller to test: evolve C first.");
            return;
        }
        plan = List.copyOf(tasks);
        runningRows = List.copyOf(rows);
        updateTable();
        reset();
        runner().run();
    }

    /** The settings of a plan: the lesson's defaults with the pane's numbers and seed. */
    PipelineEngine.Settings settings() {
        long seed = seed();
        VaeConfig vae = VaeConfig.defaults().withSeed(seed).withMaxEpochs((int) parameters.get(VAE_EPOCHS.key()));
        MdnRnnConfig rnn = MdnRnnConfig.defaults().withSeed(seed).withMaxEpochs((int) parameters.get(RNN_EPOCHS.key()));
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 64));
        ControllerConfig c = ControllerConfig.defaults(1.0).withSeed(seed).withThreads(threads)
                .withGenerations((int) parameters.get(GENERATIONS.key()))
                .withPopulation((int) parameters.get(POPULATION.key()), (int) parameters.get(DREAMS.key()));
        return new PipelineEngine.Settings(DodgeParams.defaults(), (int) parameters.get(ROLLOUTS.key()), vae, rnn, c,
                episodes(), seed);
    }

    private int episodes() {
        return (int) parameters.get(EPISODES.key());
    }

    @Override
    protected Supplier<PipelineEngine> engineFactory() {
        PipelineEngine.Settings s = settings();
        List<PipelineEngine.Task> tasks = plan;
        WorldModelsPipeline.Data d = data;
        Agent a = agent.get();
        LinearController tested = controller.get() == null ? null : controller.get().controller();
        adopted = null;
        adoptedControllers = 0;
        return () -> new PipelineEngine(s, tasks, d, a == null ? null : a.v(), a == null ? null : a.m(), tested, System::nanoTime);
    }

    @Override
    protected void onSnapshot(PipelineSnapshot s, RunStatus status) {
        snapshot.set(s);
        adopt(s);
    }

    /** Takes what a stage finished: episodes, a new V or M, evolved controllers, a test score. */
    private void adopt(PipelineSnapshot s) {
        if (s.data() != null) data = s.data();
        Agent a = agent.get();
        boolean newV = s.vTrained() && s.v() != a.v();
        boolean newM = s.mTrained() && s.m() != a.m();
        if (newV || newM) {
            String stale = newV && !newM ? "M and the controllers were trained on the previous V: train M, then evolve C."
                    : "The controllers were trained on the previous M: evolve C again.";
            List<TrainedController> none = List.of();
            Agent next = new Agent(s.v(), s.m(), newV && !newM ? a.controllers() : none, "trained now", stale);
            if (newM) recomputed.clear();
            setAgent(next);
            a = next;
            networkStatus.set("Trained now: " + (newV ? "V" : "") + (newV && newM ? " and " : "") + (newM ? "M" : "")
                    + (next.stale().isEmpty() ? "." : ". " + next.stale()));
        }
        if (s.evolved().size() > adoptedControllers) {
            List<TrainedController> cs = new ArrayList<>(a.controllers());
            TrainedController last = null;
            for (int i = adoptedControllers; i < s.evolved().size(); i++) {
                TrainedController c = s.evolved().get(i);
                cs.removeIf(x -> Math.abs(x.temperature() - c.temperature()) < 1e-9);
                cs.add(c);
                cs.sort(Comparator.comparingDouble(TrainedController::temperature));
                recomputed.removeIf(r -> Math.abs(r.tau() - c.temperature()) < 1e-9);
                recomputed.add(new Row(c.temperature(), c.dreamScore(), c.realScore(), "recomputed"));
                last = c;
            }
            adoptedControllers = s.evolved().size();
            String stale = a.stale().startsWith("The controllers") ? "" : a.stale();
            agent.set(new Agent(a.v(), a.m(), cs, a.source(), stale));
            controller.set(last);
            networkStatus.set("Evolved C in the dream at τ " + Format.number(last.temperature()) + ": "
                    + Format.fixed(last.dreamScore(), 1) + " steps in the dream, "
                    + (Double.isNaN(last.realScore()) ? "not yet tested" : Format.fixed(last.realScore(), 1) + " in the real game") + ".");
            updateTable();
        }
        if (s.done() && !Double.isNaN(s.testedScore()) && s != adopted) {
            adopted = s;
            randomScore.set(s.randomScore());
            TrainedController c = controller.get();
            if (c != null && plan.stream().noneMatch(t -> t.stage() == Stage.EVOLVE_C)) {
                TrainedController tested = new TrainedController(c.temperature(), c.controller(), c.dreamScore(), s.testedScore());
                List<TrainedController> cs = new ArrayList<>(agent.get().controllers());
                cs.replaceAll(x -> x == c ? tested : x);
                agent.set(new Agent(agent.get().v(), agent.get().m(), cs, agent.get().source(), agent.get().stale()));
                controller.set(tested);
                updateTable();
            }
            networkStatus.set(String.format(Locale.ROOT, "Tested in the real game: C survives %.1f steps on average, a random policy %.1f.",
                    s.testedScore(), s.randomScore()));
        }
        if (s.done() && !runningRows.isEmpty()) {
            runningRows = List.of();
            updateTable();
        }
    }

    /** The five rows: the agent's controller at each τ, its source, and "running" for rows being recomputed. */
    private void updateTable() {
        List<Row> rows = new ArrayList<>();
        Agent a = agent.get();
        for (double t : TABLE_TAUS) {
            TrainedController c = a == null ? null : a.controllers().stream()
                    .filter(x -> Math.abs(x.temperature() - t) < 1e-9).findFirst().orElse(null);
            boolean fresh = recomputed.stream().anyMatch(r -> Math.abs(r.tau() - t) < 1e-9);
            String source = runningRows.contains(t) ? "running" : c == null ? "—" : fresh ? "recomputed"
                    : a.source().equals("shipped") ? "shipped file" : "trained now";
            rows.add(c == null ? new Row(t, Double.NaN, Double.NaN, source)
                    : new Row(t, c.dreamScore(), c.realScore(), source));
        }
        table.set(List.copyOf(rows));
    }

    @Override
    protected String describe(RunStatus status) {
        PipelineSnapshot s = snapshot.get();
        if (s == null || s.task() == null) return "The agent is ready: pick a stage to run, or watch the dream";
        String where = progressText(s);
        return switch (status.state()) {
            case RUNNING -> "Running: " + where;
            case PAUSED -> "Paused: " + where;
            case DONE -> "Done: " + where;
            case DIVERGED -> "Stopped: the loss diverged";
            case FAILED -> "Stopped: " + status.message();
        };
    }

    /** "train V: epoch 3 of 20 · 0.8 epochs/s · 21 s left" and the like. */
    static String progressText(PipelineSnapshot s) {
        if (s.task() == null) return "";
        String unit = switch (s.task().stage()) {
            case TRAIN_V, TRAIN_M -> "epoch";
            case EVOLVE_C -> "generation";
            default -> "step";
        };
        int total = s.unitsTotal();
        int shown = s.task().stage() == Stage.EVOLVE_C ? Math.min(s.unitsDone(), total - 1) : s.unitsDone();
        int shownTotal = s.task().stage() == Stage.EVOLVE_C ? total - 1 : total;
        StringBuilder b = new StringBuilder(s.task().stage().label);
        if (s.task().stage() == Stage.EVOLVE_C) b.append(" at τ ").append(Format.number(s.task().tau()));
        if (s.tasks() > 1) b.append(" (stage ").append(s.taskIndex() + 1).append(" of ").append(s.tasks()).append(')');
        b.append(": ").append(unit).append(' ').append(shown).append(" of ").append(shownTotal);
        if (!Double.isNaN(s.unitsPerSecond())) {
            b.append(" · ").append(Format.fixed(s.unitsPerSecond(), s.unitsPerSecond() < 10 ? 2 : 1)).append(' ')
                    .append(unit).append("s/s");
        }
        if (!s.done() && !Double.isNaN(s.secondsLeft())) b.append(" · ").append(duration(s.secondsLeft())).append(" left");
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** The stage's share done, 0 to 1. */
    static double fraction(PipelineSnapshot s) {
        return s == null || s.unitsTotal() == 0 ? 0 : (double) s.unitsDone() / s.unitsTotal();
    }
}
