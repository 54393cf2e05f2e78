package org.mbrllab.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.CemPlanner;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Planner;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.RandomShootingPlanner;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.Activation;
import org.mbrllab.engine.run.Engine;

/**
 * Model-based planning, versions 1 to 4 of the course, on a real system ({@link MbrlSettings#system()}):
 * <ol>
 *   <li>Run the random policy π₀ (u uniform in the control box) for
 *       {@link MbrlSettings#randomEpisodes()} episodes to collect D = {(s, a, s')ᵢ}.</li>
 *   <li>Fit the dynamics model to D: one network (V1, V2) or K networks, each on its own bootstrap
 *       resample D_k (V3, V4), predicting Δs from (s, a) ({@link ModelFeatures}, {@link EnsembleTrainer}).</li>
 *   <li>Run an episode, planning through the model with CEM or random shooting:
 *     <ul>
 *       <li>V1–V3 execute each plan of H actions in full before planning again (open loop within a
 *           plan);</li>
 *       <li>V4 executes only the first action and replans from the state it reaches (MPC);</li>
 *       <li>V3 and V4 sample the member they plan through uniformly, afresh for every plan (or follow
 *           {@link MbrlSettings#rolloutMode()} if it is not {@link RolloutMode#ONE_MEMBER}).</li>
 *     </ul></li>
 *   <li>Add the episode's transitions to D (V2–V4; V1 keeps its first model and its data), refit, and
 *       go back to 3 until {@link MbrlSettings#episodes()} planning episodes have run.</li>
 * </ol>
 * The reward is the negative of the system's default cost, r_t = −c(s_t, a_t): for the pendulum
 * Gymnasium's own reward. Episodes last {@link MbrlSettings#EPISODE_STEPS} steps and start as
 * Gymnasium's {@code reset} does.
 *
 * <p>The predicted return of an episode is Σ_t r̂_t, where r̂_t is the reward the planner's model
 * predicted for step t, averaged over the plans that covered step t (each plan predicts H steps from the
 * real state it was made in). Under V1–V3 exactly one plan covers each step, and the gap between
 * predicted and real return is the planner exploiting the model's errors.
 *
 * <p>One {@link #step()} is one unit a pane can show: one real step (random or planned), or one epoch
 * of a fit. Everything random comes from {@link MbrlSettings#seed()}, so a run is reproducible bit for
 * bit. Confined to one thread; only {@link #snapshot()}s leave it.
 */
public final class ModelBasedPlanning implements Engine<MbrlSnapshot> {

    /** The longest prediction of the compounding-error curves. */
    public static final int K_STEP_MAX = 30;

    /** What the next {@link #step()} does. */
    public enum Phase {
        /** Step 1: the random policy collects data. */
        COLLECT("collect random data"),
        /** Step 2: one epoch of fitting the model. */
        FIT("fit the model"),
        /** Step 3: plan through the model (when a new plan is due) and execute one action. */
        ACT("plan and execute"),
        /** Every episode has run. */
        DONE("done");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final MbrlSettings settings;
    private final Dynamics real;
    private final QuadraticCost cost;
    private final ModelFeatures features;
    private final int steps;
    private final Transitions data;
    private final RandomGenerator resetRandom;
    private final RandomGenerator policyRandom;
    private final RandomGenerator memberRandom;
    private final RandomGenerator plannerSeeds;
    private final RandomGenerator fitSeeds;

    private Phase phase = Phase.COLLECT;
    private int episode;
    private int randomEpisodesDone;
    private double randomReturn = Double.NaN;
    private final List<double[]> episodeStates = new ArrayList<>();
    private final List<Double> episodeActions = new ArrayList<>();
    private final List<Double> episodeRewards = new ArrayList<>();
    private final double[] predictedSum;
    private final int[] predictedCount;
    private Trajectory plan;
    private int planStart;
    private int stepsIntoPlan;

    private EnsembleTrainer trainer;
    private List<EpochLosses> fitLosses = List.of();
    private int fitEpochs;
    private FrozenEnsemble model;
    private final List<MbrlSnapshot.EpisodeResult> results = new ArrayList<>();
    private double[] kStepSingle = new double[0];
    private double[] kStepEnsemble = new double[0];

    public ModelBasedPlanning(MbrlSettings settings) {
        this.settings = settings;
        this.real = settings.system().gymnasium();
        this.cost = settings.system().defaultCost();
        this.features = ModelFeatures.of(settings.system());
        this.steps = settings.episodeSteps();
        this.data = new Transitions(real.stateSize());
        RandomGenerator root = Seeds.random(settings.seed());
        this.resetRandom = Seeds.random(root.nextLong());
        this.policyRandom = Seeds.random(root.nextLong());
        this.memberRandom = Seeds.random(root.nextLong());
        this.plannerSeeds = Seeds.random(root.nextLong());
        this.fitSeeds = Seeds.random(root.nextLong());
        this.predictedSum = new double[steps];
        this.predictedCount = new int[steps];
        resetEpisode();
    }

    /** Runs every episode and returns the results (the command line). */
    public List<MbrlSnapshot.EpisodeResult> runToEnd() {
        while (step()) {
            // one unit per step
        }
        return List.copyOf(results);
    }

    @Override
    public boolean step() {
        switch (phase) {
            case COLLECT -> collect();
            case FIT -> fit();
            case ACT -> act();
            case DONE -> {
                return false;
            }
        }
        return phase != Phase.DONE;
    }

    @Override
    public boolean isDone() {
        return phase == Phase.DONE;
    }

    public Phase phase() {
        return phase;
    }

    /** The planning episode under way (0 while collecting random data). */
    public int episode() {
        return episode;
    }

    /** The return of the first random-policy episode (NaN until it ends): the scale to beat. */
    public double randomReturn() {
        return randomReturn;
    }

    public List<MbrlSnapshot.EpisodeResult> results() {
        return List.copyOf(results);
    }

    // ---------------------------------------------------------------- 1. random data

    private void collect() {
        double[] x = episodeStates.get(episodeStates.size() - 1);
        double u = real.controlLimit() * (2 * policyRandom.nextDouble() - 1);
        execute(x, u, true);
        if (episodeActions.size() == steps) {
            if (randomEpisodesDone == 0) randomReturn = episodeRewards.stream().mapToDouble(Double::doubleValue).sum();
            randomEpisodesDone++;
            if (randomEpisodesDone == settings.randomEpisodes()) {
                phase = Phase.FIT;
            } else {
                resetEpisode();
            }
        }
    }

    // ---------------------------------------------------------------- 2. fitting

    private void fit() {
        if (trainer == null) {
            EnsembleConfig config = fitConfig(settings.fittedMembers(), settings.hiddenUnits(), settings.maxEpochs(),
                    fitSeeds.nextLong());
            trainer = new EnsembleTrainer(config, data.regressionData(features));
        }
        trainer.step();
        fitLosses = trainer.snapshot().history();
        if (trainer.isDone()) {
            model = trainer.ensemble().freeze();
            fitEpochs = trainer.epoch();
            trainer = null;
            startEpisode();
        }
    }

    /**
     * How every model of the loop is fitted: deterministic members (the course's V3 trains K deterministic
     * models), two ReLU layers, Adam 1e-3, batch 64, a tenth held out with patience 10, each member on its
     * own bootstrap resample when there are several.
     */
    public static EnsembleConfig fitConfig(int members, int hiddenUnits, int maxEpochs, long seed) {
        return new EnsembleConfig(members, 2, hiddenUnits, Activation.RELU, MemberKind.DETERMINISTIC, 1e-3, 64,
                maxEpochs, 0.1, 10, members > 1, seed);
    }

    // ---------------------------------------------------------------- 3. planning episodes

    private void startEpisode() {
        episode++;
        resetEpisode();
        Arrays.fill(predictedSum, 0);
        Arrays.fill(predictedCount, 0);
        plan = null;
        phase = Phase.ACT;
    }

    private void resetEpisode() {
        episodeStates.clear();
        episodeActions.clear();
        episodeRewards.clear();
        episodeStates.add(settings.system().gymnasiumReset(resetRandom));
    }

    private void act() {
        int t = episodeActions.size();
        double[] x = episodeStates.get(t);
        boolean replan = plan == null || settings.version().replansEveryStep() || stepsIntoPlan == plan.steps();
        if (replan) makePlan(x, t);
        double u = plan.u(stepsIntoPlan);
        stepsIntoPlan++;
        execute(x, u, settings.version().refits());
        if (episodeActions.size() == steps) endEpisode();
    }

    /** Plans H steps from the real state x at step t, and books the rewards the plan predicts. */
    private void makePlan(double[] x, int t) {
        double[] warmStart = null;
        if (plan != null && settings.version().replansEveryStep()) {
            double[] previous = plan.actions();
            warmStart = new double[previous.length];
            System.arraycopy(previous, 1, warmStart, 0, previous.length - 1);
            warmStart[previous.length - 1] = previous[previous.length - 1];
        }
        int member = settings.version().usesEnsemble() ? memberRandom.nextInt(model.members()) : 0;
        RolloutMode mode = settings.version().usesEnsemble() ? settings.rolloutMode() : RolloutMode.ONE_MEMBER;
        long seed = plannerSeeds.nextLong();
        LearnedDynamics learned = new LearnedDynamics(model, features, real.controlLimit(), mode, member, seed);
        Planner planner = settings.planner() == PlannerKind.SHOOTING
                ? new RandomShootingPlanner(learned, cost, settings.horizon(), settings.samples(), seed)
                : new CemPlanner(learned, cost, settings.horizon(), settings.samples(),
                        Math.max(1, settings.samples() / 10), settings.cemIterations(), seed);
        plan = planner.plan(x, warmStart).predicted();
        planStart = t;
        stepsIntoPlan = 0;
        for (int k = 0; k < plan.steps() && t + k < steps; k++) {
            predictedSum[t + k] += reward(plan.state(k), plan.u(k));
            predictedCount[t + k]++;
        }
    }

    private void endEpisode() {
        double realReturn = 0;
        double predictedReturn = 0;
        for (int t = 0; t < steps; t++) {
            realReturn += episodeRewards.get(t);
            predictedReturn += predictedSum[t] / predictedCount[t];
        }
        // The drift of this episode's model along the path the real system took.
        List<double[][]> states = List.<double[][]>of(episodeStates.toArray(new double[0][]));
        List<double[]> actions = List.<double[]>of(episodeActionArray());
        long seed = plannerSeeds.nextLong();
        kStepSingle = CompoundingError.kStep(new LearnedDynamics(model, features, real.controlLimit(),
                RolloutMode.ONE_MEMBER, 0, seed), features, states, actions, K_STEP_MAX);
        kStepEnsemble = CompoundingError.kStep(new LearnedDynamics(model, features, real.controlLimit(),
                RolloutMode.MEAN, 0, seed), features, states, actions, K_STEP_MAX);
        results.add(new MbrlSnapshot.EpisodeResult(episode, realReturn, predictedReturn, data.size(), fitEpochs));
        if (episode == settings.episodes()) {
            phase = Phase.DONE;
        } else if (settings.version().refits()) {
            phase = Phase.FIT;
        } else {
            startEpisode();
        }
    }

    /** One real step from x with u: records it, and adds it to D when {@code keep}. */
    private void execute(double[] x, double u, boolean keep) {
        double clipped = real.clip(u);
        double[] next = real.step(x, clipped);
        episodeActions.add(clipped);
        episodeRewards.add(reward(x, clipped));
        episodeStates.add(next);
        if (keep) data.add(x, clipped, next, episode);
    }

    private double reward(double[] x, double u) {
        return -cost.stage(x, u);
    }

    private double[] episodeActionArray() {
        double[] a = new double[episodeActions.size()];
        for (int i = 0; i < a.length; i++) a[i] = episodeActions.get(i);
        return a;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public MbrlSnapshot snapshot() {
        int angle = real.angleIndex();
        int n = data.size();
        double[] dataAngle = new double[n];
        double[] dataVelocity = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = data.state(i);
            dataAngle[i] = Angles.normalize(x[angle]);
            dataVelocity[i] = x[angle + 1];
        }
        int t = episodeActions.size();
        double[] realRewards = new double[t];
        double[] predictedRewards = new double[t];
        for (int i = 0; i < t; i++) {
            realRewards[i] = episodeRewards.get(i);
            predictedRewards[i] = predictedCount[i] == 0 || phase == Phase.COLLECT ? Double.NaN
                    : predictedSum[i] / predictedCount[i];
        }
        double[][] planned = plan == null || phase == Phase.COLLECT ? new double[0][] : plan.states();
        return new MbrlSnapshot(settings, phase, episode, t, episodeStates.stream().map(double[]::clone)
                .toArray(double[][]::new), episodeActionArray(), planned, planStart, realRewards, predictedRewards,
                results, fitLosses, dataAngle, dataVelocity, data.episodeColumn(), model, kStepSingle.clone(),
                kStepEnsemble.clone(), phase == Phase.DONE);
    }
}
