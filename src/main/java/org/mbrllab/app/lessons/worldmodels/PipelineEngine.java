package org.mbrllab.app.lessons.worldmodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.worldmodels.ControllerConfig;
import org.mbrllab.engine.worldmodels.ControllerSnapshot;
import org.mbrllab.engine.worldmodels.ControllerTrainer;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.FrozenMdnRnn;
import org.mbrllab.engine.worldmodels.FrozenVae;
import org.mbrllab.engine.worldmodels.LinearController;
import org.mbrllab.engine.worldmodels.MdnRnnConfig;
import org.mbrllab.engine.worldmodels.MdnRnnSnapshot;
import org.mbrllab.engine.worldmodels.MdnRnnTrainer;
import org.mbrllab.engine.worldmodels.RealPlay;
import org.mbrllab.engine.worldmodels.VaeConfig;
import org.mbrllab.engine.worldmodels.VaeSnapshot;
import org.mbrllab.engine.worldmodels.VaeTrainer;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;
import org.mbrllab.engine.worldmodels.WorldModelsPipeline;

/**
 * A plan of World Models stages run one unit of work per {@link #step()}, so that the pane's runner can
 * show progress, pace and time left, and stop between units: collecting (one unit), an epoch of V or of
 * M, a CMA-ES generation of C (then one unit to score it in the dream and the real game, as
 * {@link WorldModelsPipeline#evolve} does), or the real test (one unit). Each stage takes what the ones
 * before it left: a plan "train M, evolve C" starts from the V it is given, and "train V, train M" hands
 * M the new V.
 *
 * <p>Confined to the runner's thread; the inputs are immutable, and so is every output it publishes.
 */
final class PipelineEngine implements Engine<PipelineSnapshot> {

    /**
     * What the stages are run with.
     *
     * @param episodes real episodes a test (and a controller's real score) averages over
     */
    record Settings(DodgeParams params, int rollouts, VaeConfig vae, MdnRnnConfig rnn, ControllerConfig controller,
                    int episodes, long seed) {
        Settings {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(vae, "vae");
            Objects.requireNonNull(rnn, "rnn");
            Objects.requireNonNull(controller, "controller");
        }
    }

    /** One stage of a plan; {@code tau} is the dream's temperature of an {@link Stage#EVOLVE_C} task. */
    record Task(Stage stage, double tau) {
        static Task of(Stage stage) {
            return new Task(stage, Double.NaN);
        }
    }

    private final Settings settings;
    private final List<Task> plan;
    private final LongSupplier clock;
    private final LinearController tested;
    private WorldModelsPipeline.Data data;
    private FrozenVae v;
    private FrozenMdnRnn m;
    private boolean vTrained;
    private boolean mTrained;
    private final List<TrainedController> evolved = new ArrayList<>();
    private double testedScore = Double.NaN;
    private double randomScore = Double.NaN;
    private VaeSnapshot vaeSnapshot;
    private MdnRnnSnapshot rnnSnapshot;
    private ControllerSnapshot controllerSnapshot;
    private VaeTrainer vaeTrainer;
    private MdnRnnTrainer rnnTrainer;
    private ControllerTrainer controllerTrainer;
    private int index;
    private int unitsDone;
    private long taskStart;
    private long lastUnitEnd;
    private boolean done;

    /**
     * @param data   episodes collected before (null: a plan that needs them must start with {@link Stage#COLLECT})
     * @param v      V to start from (null only for a plan that trains V before anything uses it)
     * @param m      M to start from (likewise)
     * @param tested the controller a {@link Stage#TEST} task plays when the plan evolves none before it (may be null
     *               then only if the plan has no test)
     * @param clock  nanoseconds, for the pace and the time left
     */
    PipelineEngine(Settings settings, List<Task> plan, WorldModelsPipeline.Data data, FrozenVae v, FrozenMdnRnn m,
                   LinearController tested, LongSupplier clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.plan = List.copyOf(plan);
        this.data = data;
        this.v = v;
        this.m = m;
        this.tested = tested;
        this.clock = Objects.requireNonNull(clock, "clock");
        done = this.plan.isEmpty();
    }

    /** The units of work a task takes. */
    int units(Task t) {
        return switch (t.stage()) {
            case COLLECT, TEST -> 1;
            case TRAIN_V -> settings.vae().maxEpochs();
            case TRAIN_M -> settings.rnn().maxEpochs();
            case EVOLVE_C -> settings.controller().generations() + 1;
        };
    }

    @Override
    public boolean step() {
        if (done) return false;
        Task t = plan.get(index);
        if (unitsDone == 0) {
            taskStart = clock.getAsLong();
            lastUnitEnd = taskStart;
        }
        boolean taskEnds = switch (t.stage()) {
            case COLLECT -> {
                data = WorldModelsPipeline.collect(settings.params(), settings.rollouts(), settings.seed());
                yield true;
            }
            case TRAIN_V -> {
                if (vaeTrainer == null) vaeTrainer = VaeTrainer.forRollouts(settings.vae(), needData(), data.heldOut());
                boolean more = vaeTrainer.step();
                vaeSnapshot = vaeTrainer.snapshot();
                if (!more) {
                    v = vaeTrainer.freeze();
                    vTrained = true;
                    vaeTrainer = null;
                }
                yield !more;
            }
            case TRAIN_M -> {
                if (rnnTrainer == null) rnnTrainer = new MdnRnnTrainer(settings.rnn(), needV(), needData(), data.heldOut());
                boolean more = rnnTrainer.step();
                rnnSnapshot = rnnTrainer.snapshot();
                if (!more) {
                    m = rnnTrainer.freeze();
                    mTrained = true;
                    rnnTrainer = null;
                }
                yield !more;
            }
            case EVOLVE_C -> {
                if (controllerTrainer == null) {
                    ControllerConfig config = settings.controller().withTemperature(t.tau());
                    controllerTrainer = new ControllerTrainer(config, needM(),
                            WorldModelsPipeline.initialLatent(needV(), settings.params()));
                }
                if (!controllerTrainer.isDone()) {
                    controllerTrainer.step();
                    controllerSnapshot = controllerTrainer.snapshot();
                    yield false;
                }
                evolved.add(WorldModelsPipeline.score(controllerTrainer, v, m, settings.params(), settings.episodes(),
                        settings.seed()));
                controllerTrainer = null;
                yield true;
            }
            case TEST -> {
                // The controller this plan evolved, if it evolved one; else the one it was given.
                LinearController c = !evolved.isEmpty() ? evolved.get(evolved.size() - 1).controller() : tested;
                if (c == null) throw new IllegalStateException("there is no controller to test: evolve C first");
                testedScore = RealPlay.mean(RealPlay.play(needV(), needM(), c, settings.params(), settings.episodes(),
                        WorldModelsPipeline.evaluationSeed(settings.seed())));
                randomScore = WorldModelsPipeline.randomPolicyScore(settings.params(), settings.episodes(), settings.seed());
                yield true;
            }
        };
        unitsDone++;
        lastUnitEnd = clock.getAsLong();
        if (taskEnds) {
            if (index + 1 < plan.size()) {
                index++;
                unitsDone = 0;
            } else {
                done = true;
            }
        }
        return !done;
    }

    private org.mbrllab.engine.worldmodels.Rollouts needData() {
        if (data == null) throw new IllegalStateException("no episodes collected: collect first");
        return data.training();
    }

    private FrozenVae needV() {
        if (v == null) throw new IllegalStateException("there is no V: train V first");
        return v;
    }

    private FrozenMdnRnn needM() {
        if (m == null) throw new IllegalStateException("there is no M: train M first");
        return m;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public PipelineSnapshot snapshot() {
        Task t = plan.isEmpty() ? null : plan.get(index);
        int total = t == null ? 0 : units(t);
        // A finished plan reports its last task as complete.
        int doneUnits = done && t != null && unitsDone == 0 ? total : unitsDone;
        double seconds = (lastUnitEnd - taskStart) / 1e9;
        double pace = doneUnits > 0 && seconds > 0 ? doneUnits / seconds : Double.NaN;
        double left = done ? 0 : Double.isNaN(pace) ? Double.NaN : (total - doneUnits) / pace;
        return new PipelineSnapshot(t, index, plan.size(), doneUnits, total, pace, left, data, v, m, vTrained, mTrained,
                evolved, testedScore, randomScore, vaeSnapshot, rnnSnapshot, controllerSnapshot, done);
    }
}
