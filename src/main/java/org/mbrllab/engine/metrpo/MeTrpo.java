package org.mbrllab.engine.metrpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.model.EnsembleTrainer;
import org.mbrllab.engine.model.FrozenEnsemble;
import org.mbrllab.engine.model.ModelBasedPlanning;
import org.mbrllab.engine.model.ModelFeatures;
import org.mbrllab.engine.model.RolloutMode;
import org.mbrllab.engine.model.Transitions;
import org.mbrllab.engine.run.Engine;

/**
 * Model-Ensemble Trust-Region Policy Optimization (Kurutach et al. 2018, arXiv 1802.10592, Algorithm 2),
 * one phase of work per {@link #step()}:
 * <ol>
 *   <li><b>Collect</b> real trajectories with the current stochastic policy π_θ (its σ is the exploration
 *       noise) and add them to D.</li>
 *   <li><b>Fit</b> K models f̂_φ1 … f̂_φK to all of D, each predicting the standardised Δs from its own
 *       initialisation and bootstrap resample, stopping early on a held-out tenth
 *       ({@link ModelBasedPlanning#fitConfig}).</li>
 *   <li><b>Policy phase:</b> log σ is reset to 0; then repeatedly
 *       <ol type="a">
 *         <li>sample imagined trajectories from the real start distribution through the models, a member
 *             per step ({@link ImaginedSystem});</li>
 *         <li>take one TRPO step on them ({@link Trpo#iterate});</li>
 *         <li>every {@value ValidationRule#EVERY} iterations, score the mean policy in each model from fixed
 *             validation starts, η̂(θ; φ_k), and ask the {@link ValidationRule} whether to go on;</li>
 *       </ol>
 *       until the rule stops the phase (or {@link MeTrpoSettings#maxPolicyIterations()}), and restore the
 *       last policy it saved.</li>
 *   <li><b>Evaluate</b> the mean policy on the real system from {@value #EVALUATION_STARTS} fixed starts
 *       (the same for every run), then go back to 1 until the real-step budget is spent.</li>
 * </ol>
 * The model-free baseline ({@link MeTrpoSettings#modelFree()}) uses the same policy, optimiser and
 * evaluation, but each TRPO iteration samples the real system, and every sampled step counts.
 */
public final class MeTrpo implements Engine<MeTrpoSnapshot> {

    /** Real start states each evaluation averages over. */
    public static final int EVALUATION_STARTS = 10;
    /** The seed of the evaluation starts: the same starts for every run, seed and K. */
    public static final long EVALUATION_SEED = 1802_10592L;
    /** Start states of the validation rule's rollouts in each model. */
    public static final int VALIDATION_STARTS = 10;
    /** GAE's γ and λ. */
    public static final double GAMMA = 0.99;
    public static final double LAMBDA = 0.95;
    /** Policy layers: the observation, two tanh layers of 32, the action. */
    public static final int HIDDEN = 32;

    /** What the next {@link #step()} does. */
    public enum Phase {
        COLLECT("collect real data"),
        FIT("fit the models"),
        POLICY("policy phase (TRPO in the models)"),
        EVALUATE("evaluate on the real system"),
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

    private final MeTrpoSettings settings;
    private final RealSystem real;
    private final ModelFeatures features;
    private final GaussianMlpPolicy policy;
    private final Trpo.Settings trpo;
    private final Transitions data;
    private final RandomGenerator collectRandom;
    private final RandomGenerator trpoRandom;
    private final RandomGenerator modelSeeds;
    private final double[][] evaluationStarts;
    private final double[][] validationStarts;

    private Phase phase;
    private int outerIteration = 1;
    private int pathsCollected;
    private long imaginedSteps;
    private int policyIterations;
    private int phaseIterations;
    private int fitEpochs;
    private EnsembleTrainer trainer;
    private FrozenEnsemble model;
    private ValidationRule rule;
    private final List<MeTrpoSnapshot.Evaluation> evaluations = new ArrayList<>();
    private final List<MeTrpoSnapshot.PhaseCheck> checks = new ArrayList<>();
    private final List<MeTrpoSnapshot.PhaseStep> steps = new ArrayList<>();
    private MeTrpoSnapshot.Rollout imaginedRollout;
    private MeTrpoSnapshot.Rollout realRollout;
    private String failure;

    public MeTrpo(MeTrpoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.real = new RealSystem(settings.system());
        this.features = ModelFeatures.of(settings.system());
        RandomGenerator root = Seeds.random(settings.seed());
        this.policy = GaussianMlpPolicy.initialised(Seeds.random(root.nextLong()), real.observationSize(), HIDDEN,
                HIDDEN, real.actionSize());
        this.collectRandom = Seeds.random(root.nextLong());
        this.trpoRandom = Seeds.random(root.nextLong());
        this.modelSeeds = Seeds.random(root.nextLong());
        RandomGenerator validation = Seeds.random(root.nextLong());
        this.validationStarts = new double[VALIDATION_STARTS][];
        for (int i = 0; i < VALIDATION_STARTS; i++) validationStarts[i] = real.reset(validation);
        this.evaluationStarts = evaluationStarts(settings.system());
        this.trpo = new Trpo.Settings(GAMMA, LAMBDA, settings.delta(), settings.imaginedPaths(), settings.horizon());
        this.data = new Transitions(real.stateSize());
        this.phase = settings.modelFree() ? Phase.POLICY : Phase.COLLECT;
    }

    /** The fixed evaluation starts of {@code system}: {@value #EVALUATION_STARTS} draws of its reset, seeded. */
    public static double[][] evaluationStarts(org.mbrllab.engine.control.ControlSystem system) {
        RandomGenerator random = Seeds.random(EVALUATION_SEED);
        double[][] starts = new double[EVALUATION_STARTS][];
        for (int i = 0; i < EVALUATION_STARTS; i++) starts[i] = system.gymnasiumReset(random);
        return starts;
    }

    /** Steps until the budget is spent; returns the evaluations. */
    public List<MeTrpoSnapshot.Evaluation> runToEnd() {
        while (step()) {
            // one phase of work at a time
        }
        return List.copyOf(evaluations);
    }

    @Override
    public boolean step() {
        switch (phase) {
            case COLLECT -> collect();
            case FIT -> fit();
            case POLICY -> {
                if (settings.modelFree()) modelFreeIteration();
                else policyIteration();
            }
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

    /** Real transitions collected for training. */
    public int realSteps() {
        return settings.modelFree() ? pathsCollected * settings.horizon() : data.size();
    }

    /** The policy (live; for tests on the engine's thread). */
    GaussianMlpPolicy policy() {
        return policy;
    }

    /** The models of the last fit, or null. */
    public FrozenEnsemble model() {
        return model;
    }

    // ---------------------------------------------------------------- 1. collect

    private void collect() {
        double[] s = real.reset(collectRandom);
        for (int t = 0; t < settings.horizon(); t++) {
            double[] a = policy.sample(real.observe(s), collectRandom);
            double u = real.clip(a[0]);
            double[] next = real.next(s, a, collectRandom);
            data.add(s, u, next, outerIteration);
            s = next;
        }
        pathsCollected++;
        if (pathsCollected % settings.realPathsPerIteration() == 0) phase = Phase.FIT;
    }

    // ---------------------------------------------------------------- 2. fit

    private void fit() {
        if (trainer == null) {
            trainer = new EnsembleTrainer(ModelBasedPlanning.fitConfig(settings.members(), settings.hiddenUnits(), 200,
                    modelSeeds.nextLong()), data.regressionData(features));
        }
        try {
            trainer.step();
        } catch (RuntimeException e) {
            stop("the models did not fit: " + e.getMessage());
            return;
        }
        if (trainer.isDone()) {
            model = trainer.ensemble().freeze();
            fitEpochs = trainer.epoch();
            trainer = null;
            startPolicyPhase();
        }
    }

    // ---------------------------------------------------------------- 3. the policy phase

    private void startPolicyPhase() {
        policy.resetLogStd(0);
        rule = new ValidationRule();
        checks.clear();
        steps.clear();
        phaseIterations = 0;
        phase = Phase.POLICY;
        validate();
    }

    private void policyIteration() {
        ImaginedSystem imagined = new ImaginedSystem(real, model, settings.rolloutMode(), 0);
        Trpo.Iteration it = Trpo.iterate(policy, imagined, trpo, trpoRandom);
        if (!finite(policy.parameters()) || !Double.isFinite(it.meanReturn())) {
            stop("the imagined returns or the policy stopped being finite (the models predict states that grow without "
                    + "bound); reset, and try a smaller δ or another seed");
            return;
        }
        phaseIterations++;
        policyIterations++;
        imaginedSteps += it.samples();
        steps.add(new MeTrpoSnapshot.PhaseStep(phaseIterations, it.step(), it.meanReturn()));
        if (phaseIterations % ValidationRule.EVERY == 0) validate();
        if (rule.stopped() || phaseIterations >= settings.maxPolicyIterations()) {
            policy.setParameters(rule.savedPolicy());
            phase = Phase.EVALUATE;
        }
    }

    /** Scores the mean policy in each model and asks the rule. */
    private void validate() {
        double[] scores = new double[model.members()];
        for (int k = 0; k < scores.length; k++) {
            ImaginedSystem member = new ImaginedSystem(real, model, RolloutMode.ONE_MEMBER, k);
            double sum = 0;
            for (double[] start : validationStarts) sum += meanPolicyRollout(member, start).totalReward();
            scores[k] = sum / validationStarts.length;
        }
        checks.add(new MeTrpoSnapshot.PhaseCheck(phaseIterations, rule.check(policy.parameters(), scores)));
    }

    // ---------------------------------------------------------------- the model-free baseline

    private void modelFreeIteration() {
        Trpo.Iteration it = Trpo.iterate(policy, real, trpo, trpoRandom);
        if (!finite(policy.parameters())) {
            stop("the policy's parameters stopped being finite; try a smaller δ");
            return;
        }
        policyIterations++;
        phaseIterations = 1;
        pathsCollected += settings.imaginedPaths();
        steps.clear();
        steps.add(new MeTrpoSnapshot.PhaseStep(1, it.step(), it.meanReturn()));
        phase = Phase.EVALUATE;
    }

    // ---------------------------------------------------------------- 4. evaluate

    private void evaluate() {
        double[] returns = new double[evaluationStarts.length];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            MeTrpoSnapshot.Rollout r = meanPolicyRollout(real, evaluationStarts[i]);
            returns[i] = r.totalReward();
            sum += returns[i];
            if (i == 0) realRollout = r;
        }
        if (!settings.modelFree()) {
            imaginedRollout = meanPolicyRollout(new ImaginedSystem(real, model, settings.rolloutMode(), 0),
                    evaluationStarts[0], Seeds.random(EVALUATION_SEED + outerIteration));
        }
        evaluations.add(new MeTrpoSnapshot.Evaluation(outerIteration, realSteps(), sum / returns.length,
                policyIterations, imaginedSteps, returns));
        if (realSteps() >= settings.realSteps()) {
            phase = Phase.DONE;
        } else {
            outerIteration++;
            phase = settings.modelFree() ? Phase.POLICY : Phase.COLLECT;
        }
    }

    private MeTrpoSnapshot.Rollout meanPolicyRollout(Trpo.Simulator simulator, double[] start) {
        return meanPolicyRollout(simulator, start, Seeds.random(0));
    }

    /** The mean policy from {@code start} for T steps; rng only picks members. */
    private MeTrpoSnapshot.Rollout meanPolicyRollout(Trpo.Simulator simulator, double[] start, RandomGenerator rng) {
        int horizon = settings.horizon();
        double[][] states = new double[horizon + 1][];
        double[] actions = new double[horizon];
        int[] members = new int[horizon];
        states[0] = start.clone();
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            double[] a = policy.mean(simulator.observe(states[t]));
            actions[t] = real.clip(a[0]);
            total += simulator.reward(states[t], a);
            states[t + 1] = simulator.next(states[t], a, rng);
            members[t] = simulator instanceof ImaginedSystem m ? m.lastMember() : -1;
        }
        return new MeTrpoSnapshot.Rollout(states, actions, members, total);
    }

    // ---------------------------------------------------------------- snapshots

    private void stop(String why) {
        failure = why;
        phase = Phase.DONE;
    }

    private static boolean finite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    @Override
    public MeTrpoSnapshot snapshot() {
        return new MeTrpoSnapshot(settings, phase, outerIteration, realSteps(), imaginedSteps, policyIterations,
                phaseIterations, evaluations, checks, steps, imaginedRollout, realRollout, fitEpochs, failure);
    }
}
