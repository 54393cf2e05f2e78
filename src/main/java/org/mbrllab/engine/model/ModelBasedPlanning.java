package org.mbrllab.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.CemPlanner;
import org.mbrllab.engine.control.ControlSystem;
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
 *   <li>Evaluate: run the planner with the same model and version from each of the E fixed starts
 *       ({@link #fixedStarts}, E = {@link MbrlSettings#evalStarts()}, none when 0). These episodes keep no
 *       data and draw from a random stream of their own, so the training episodes are the same with or
 *       without them.</li>
 *   <li>Add the episode's transitions to D (V2–V4; V1 keeps its first model and its data), refit, and
 *       go back to 3 until {@link MbrlSettings#episodes()} planning episodes have run.</li>
 * </ol>
 * A training episode's return mixes two things: how good the model is, and how hard the start it drew
 * was (the pendulum hanging still at the bottom is harder to swing up than one already near the top).
 * The evaluation return holds the starts fixed, so its changes from episode to episode, version to
 * version and seed to seed are the model's and the planner's alone (and their own sampling noise).
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

    /**
     * The seed of the fixed evaluation starts: a constant, not the run's seed, so that every version, seed
     * and episode is evaluated from the same states.
     */
    public static final long EVAL_START_SEED = 16_2026L;

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
        /** Step 4: one step of the planner, with the episode's model, from a fixed start (no data kept). */
        EVALUATE("evaluate on fixed starts"),
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
    private final RandomGenerator evalRandom;
    private final double[][] evalStarts;

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
    /** The finished training episode, waiting for its evaluation. */
    private MbrlSnapshot.EpisodeResult pending;
    private final List<Double> evalReturns = new ArrayList<>();
    private double[] evalState;
    private int evalT;
    private double evalSum;
    private Trajectory evalPlan;
    private int evalStepsIntoPlan;
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
        // Drawn after the training streams, so it leaves them as they were without evaluation.
        this.evalRandom = Seeds.random(root.nextLong());
        this.evalStarts = fixedStarts(settings.system(), settings.evalStarts());
        this.predictedSum = new double[steps];
        this.predictedCount = new int[steps];
        resetEpisode();
    }

    /**
     * The first {@code count} fixed evaluation starts of {@code system}: Gymnasium {@code reset} states drawn
     * with {@link #EVAL_START_SEED}. The first n starts are the same whatever the count.
     */
    public static double[][] fixedStarts(ControlSystem system, int count) {
        RandomGenerator random = Seeds.random(EVAL_START_SEED);
        double[][] starts = new double[count][];
        for (int i = 0; i < count; i++) starts[i] = system.gymnasiumReset(random);
        return starts;
    }

    /** This run's fixed evaluation starts (copies). */
    public double[][] fixedStarts() {
        return Arrays.stream(evalStarts).map(double[]::clone).toArray(double[][]::new);
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
            case EVALUATE -> evaluate();
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
        plan = planFrom(x, plan, memberRandom, plannerSeeds);
        planStart = t;
        stepsIntoPlan = 0;
        for (int k = 0; k < plan.steps() && t + k < steps; k++) {
            predictedSum[t + k] += reward(plan.state(k), plan.u(k));
            predictedCount[t + k]++;
        }
    }

    /**
     * A plan of H steps from x through the current model: V4 warm-starts from the previous plan shifted by
     * one step; V3 and V4 draw the member from {@code members}; the planner's seed comes from {@code seeds}.
     */
    private Trajectory planFrom(double[] x, Trajectory previousPlan, RandomGenerator members, RandomGenerator seeds) {
        double[] warmStart = null;
        if (previousPlan != null && settings.version().replansEveryStep()) {
            double[] previous = previousPlan.actions();
            warmStart = new double[previous.length];
            System.arraycopy(previous, 1, warmStart, 0, previous.length - 1);
            warmStart[previous.length - 1] = previous[previous.length - 1];
        }
        int member = settings.version().usesEnsemble() ? members.nextInt(model.members()) : 0;
        RolloutMode mode = settings.version().usesEnsemble() ? settings.rolloutMode() : RolloutMode.ONE_MEMBER;
        long seed = seeds.nextLong();
        LearnedDynamics learned = new LearnedDynamics(model, features, real.controlLimit(), mode, member, seed);
        Planner planner = settings.planner() == PlannerKind.SHOOTING
                ? new RandomShootingPlanner(learned, cost, settings.horizon(), settings.samples(), seed)
                : new CemPlanner(learned, cost, settings.horizon(), settings.samples(),
                        Math.max(1, settings.samples() / 10), settings.cemIterations(), seed);
        return planner.plan(x, warmStart).predicted();
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
        pending = new MbrlSnapshot.EpisodeResult(episode, realReturn, predictedReturn, data.size(), fitEpochs);
        if (evalStarts.length > 0) {
            evalReturns.clear();
            startEvaluation(0);
            phase = Phase.EVALUATE;
        } else {
            finishEpisode();
        }
    }

    // ---------------------------------------------------------------- 4. evaluation on fixed starts

    private void startEvaluation(int start) {
        evalState = evalStarts[start].clone();
        evalT = 0;
        evalSum = 0;
        evalPlan = null;
    }

    /** One real step of the planner from a fixed start, as in {@link #act()}, but nothing is kept in D. */
    private void evaluate() {
        boolean replan = evalPlan == null || settings.version().replansEveryStep()
                || evalStepsIntoPlan == evalPlan.steps();
        if (replan) {
            evalPlan = planFrom(evalState, evalPlan, evalRandom, evalRandom);
            evalStepsIntoPlan = 0;
        }
        double u = real.clip(evalPlan.u(evalStepsIntoPlan));
        evalStepsIntoPlan++;
        evalSum += reward(evalState, u);
        evalState = real.step(evalState, u);
        evalT++;
        if (evalT < steps) return;
        evalReturns.add(evalSum);
        if (evalReturns.size() < evalStarts.length) {
            startEvaluation(evalReturns.size());
        } else {
            pending = new MbrlSnapshot.EpisodeResult(pending.episode(), pending.realReturn(), pending.predictedReturn(),
                    pending.datasetSize(), pending.fitEpochs(), evalReturns);
            finishEpisode();
        }
    }

    private void finishEpisode() {
        results.add(pending);
        pending = null;
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
                kStepEnsemble.clone(), phase == Phase.DONE,
                phase == Phase.EVALUATE ? evalReturns.size() * steps + evalT : 0);
    }
}
