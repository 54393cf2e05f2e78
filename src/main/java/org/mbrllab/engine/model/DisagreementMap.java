package org.mbrllab.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.run.Engine;

/**
 * Where a learned pendulum model can be trusted: the disagreement σ²_ens of a K-member ensemble over the
 * pendulum's (θ, θ̇) plane, next to the data it was fitted on (the lesson "Where to trust a learned
 * model").
 *
 * <ol>
 *   <li>Collect D = {(s, a, s')ᵢ} from the Gymnasium pendulum with one of the {@link DataSource}s
 *       ({@link Settings#episodes()} episodes of {@link MbrlSettings#EPISODE_STEPS} steps).</li>
 *   <li>Fit K networks, each on its own bootstrap resample, to predict Δs from (cos θ, sin θ, θ̇, u)
 *       ({@link ModelFeatures}, {@link ModelBasedPlanning#fitConfig}), one epoch per {@link #step()}.</li>
 *   <li>After an epoch, evaluate at the centre of every cell of a {@link #THETA_CELLS} × {@link #THETA_DOT_CELLS}
 *       grid over θ ∈ [−π, π], θ̇ ∈ [−8, 8], at the torque u of the slice:
 *       <pre>  σ²_ens(s, u) = (1/K) Σ_k (μ_k(s, u) − μ̄(s, u))²</pre>
 *       per output, in the units of the data (Δθ in rad, Δθ̇ in rad/s), as {@link EnsemblePrediction}
 *       defines it.</li>
 * </ol>
 * The grid is evaluated when a snapshot is asked for and the weights or the torque have changed since
 * the last one, so a pane that draws 30 times a second never pays for more. Everything random comes from
 * {@link Settings#seed()}: the same settings give the same numbers, bit for bit. Confined to one thread.
 */
public final class DisagreementMap implements Engine<DisagreementMap.Snapshot> {

    /** Grid columns over θ ∈ [−π, π]. */
    public static final int THETA_CELLS = 64;
    /** Grid rows over θ̇ ∈ [−{@link #MAX_SPEED}, {@link #MAX_SPEED}]. */
    public static final int THETA_DOT_CELLS = 48;
    /** Gymnasium's speed limit, rad/s: the plane's upper and lower edge. */
    public static final double MAX_SPEED = 8;
    /** A data point is "near" a state when (Δθ/NEAR_THETA)² + (Δθ̇/NEAR_THETA_DOT)² ≤ 1, Δθ wrapped; rad. */
    public static final double NEAR_THETA = 0.25;
    /** See {@link #NEAR_THETA}; rad/s. */
    public static final double NEAR_THETA_DOT = 0.75;
    /** A cell with at least this many data points near its centre counts as data-dense. */
    public static final int DENSE = 10;
    /** Units per hidden layer (two layers): small, so that K = 10 still trains quickly. */
    public static final int HIDDEN_UNITS = 32;

    public static final ParameterSpec MEMBERS = EnsembleConfig.MEMBERS;
    public static final ParameterSpec EPISODES = ParameterSpec.whole("episodes", "episodes of data", 1, 50, 10,
            "How many episodes of 200 steps the data source runs (200 transitions each).");
    public static final ParameterSpec TORQUE = ParameterSpec.real("torque", "torque u of the map (N·m)", -2, 2, 0,
            "The map shows σ²_ens at this torque; the model's input is (θ, θ̇, u), the plane shows one slice.");
    public static final ParameterSpec MAX_EPOCHS = ParameterSpec.whole("max_epochs", "most epochs", 1, 2000, 150,
            "Training stops here, or earlier once the held-out loss stops improving for 10 epochs.");

    /** Where the training transitions come from. */
    public enum DataSource {
        /** π₀ as in the course: torques uniform in [−2, 2] N·m, starts as Gymnasium's reset draws them. */
        RANDOM("Random torques, Gymnasium starts"),
        /** Random torques, every episode starting at rest hanging down (±0.1 rad, ±0.1 rad/s). */
        HANGING("Random torques, hanging starts only"),
        /** Every other episode an energy-pumping swing-up with noisy torques instead of π₀. */
        SWING_UPS("Random torques + swing-up episodes"),
        /** Single random-torque steps from states drawn uniformly over the whole plane. */
        UNIFORM("Single steps from all over the plane");

        private final String title;

        DataSource(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One run's settings.
     *
     * @param source    where the data comes from
     * @param episodes  episodes of {@link MbrlSettings#EPISODE_STEPS} transitions, {@link #EPISODES}'s range
     * @param members   K, {@link #MEMBERS}'s range
     * @param maxEpochs most epochs, {@link #MAX_EPOCHS}'s range
     * @param torque    u of the map's slice, N·m, {@link #TORQUE}'s range
     * @param seed      the seed of the data and of the fit
     */
    public record Settings(DataSource source, int episodes, int members, int maxEpochs, double torque, long seed) {
        public Settings {
            Objects.requireNonNull(source, "source");
            EPISODES.validate(episodes);
            MEMBERS.validate(members);
            MAX_EPOCHS.validate(maxEpochs);
            TORQUE.validate(torque);
        }
    }

    /**
     * What the pane draws: copies only.
     *
     * @param source        the data's source
     * @param members       K
     * @param torque        the slice's u, N·m
     * @param epoch         epochs completed (0: the untrained ensemble)
     * @param maxEpochs     the limit
     * @param done          whether training has stopped
     * @param stopReason    why it stopped; "" while it runs
     * @param history       the losses of every epoch (standardised units)
     * @param varTheta      σ²_ens of Δθ (rad²) per cell, row-major: row j (θ̇), column i (θ)
     * @param varThetaDot   σ²_ens of Δθ̇ ((rad/s)²) per cell, same layout
     * @param nearCounts    data points near each cell's centre (see {@link #NEAR_THETA}), same layout
     * @param dataTheta     θ of every transition's start state, wrapped into (−π, π]
     * @param dataThetaDot  θ̇ of every transition's start state
     */
    public record Snapshot(DataSource source, int members, double torque, int epoch, int maxEpochs, boolean done,
                           String stopReason, List<EpochLosses> history, double[] varTheta, double[] varThetaDot,
                           int[] nearCounts, double[] dataTheta, double[] dataThetaDot) {

        public Snapshot {
            history = List.copyOf(history);
            varTheta = varTheta.clone();
            varThetaDot = varThetaDot.clone();
            nearCounts = nearCounts.clone();
            dataTheta = dataTheta.clone();
            dataThetaDot = dataThetaDot.clone();
        }

        /** The losses of the last epoch, or null before the first. */
        public EpochLosses last() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }

        /** σ²_ens of Δθ̇, of Δθ, or their sum, per cell. */
        public double[] variance(MapOutput output) {
            return switch (output) {
                case THETA_DOT -> varThetaDot.clone();
                case THETA -> varTheta.clone();
                case SUM -> {
                    double[] s = new double[varTheta.length];
                    for (int c = 0; c < s.length; c++) s[c] = varTheta[c] + varThetaDot[c];
                    yield s;
                }
            };
        }

        /**
         * Mean σ²_ens (of {@code output}) over the data-dense cells (at least {@link #DENSE} points near) and
         * over the empty cells (none near): {dense, empty}; NaN for a kind of cell that does not occur.
         */
        public double[] denseAndEmptyMeans(MapOutput output) {
            double[] v = variance(output);
            double dense = 0;
            double empty = 0;
            int nDense = 0;
            int nEmpty = 0;
            for (int c = 0; c < v.length; c++) {
                if (nearCounts[c] >= DENSE) {
                    dense += v[c];
                    nDense++;
                } else if (nearCounts[c] == 0) {
                    empty += v[c];
                    nEmpty++;
                }
            }
            return new double[] {nDense == 0 ? Double.NaN : dense / nDense, nEmpty == 0 ? Double.NaN : empty / nEmpty};
        }

        /**
         * The index of the data point nearest (θ, θ̇), distances measured in units of {@link #NEAR_THETA} and
         * {@link #NEAR_THETA_DOT} with Δθ wrapped; −1 without data.
         */
        public int nearest(double theta, double thetaDot) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < dataTheta.length; k++) {
                double a = Angles.normalize(dataTheta[k] - theta) / NEAR_THETA;
                double b = (dataThetaDot[k] - thetaDot) / NEAR_THETA_DOT;
                double d = a * a + b * b;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            return best;
        }

        /** Data points near (θ, θ̇), θ in any range. */
        public int nearbyCount(double theta, double thetaDot) {
            return countNear(dataTheta, dataThetaDot, theta, thetaDot);
        }
    }

    /** Which output's σ²_ens the map shows. */
    public enum MapOutput {
        THETA_DOT("Δθ̇", "(rad/s)²"),
        THETA("Δθ", "rad²"),
        SUM("Δθ and Δθ̇ (sum)", "data units²");

        private final String symbol;
        private final String unit;

        MapOutput(String symbol, String unit) {
            this.symbol = symbol;
            this.unit = unit;
        }

        public String symbol() {
            return symbol;
        }

        public String unit() {
            return unit;
        }
    }

    private final Settings settings;
    private final ModelFeatures features = ModelFeatures.of(ControlSystem.PENDULUM);
    private final double[] dataTheta;
    private final double[] dataThetaDot;
    private final int[] nearCounts;
    private final EnsembleTrainer trainer;
    private double torque;
    private double[] varTheta;
    private double[] varThetaDot;
    /** The epoch and torque of the grid last evaluated; −1 for none. */
    private int gridEpoch = -1;
    private double gridTorque = Double.NaN;

    public DisagreementMap(Settings settings) {
        this.settings = settings;
        this.torque = settings.torque();
        RandomGenerator root = Seeds.random(settings.seed());
        RandomGenerator dataRandom = Seeds.random(root.nextLong());
        long fitSeed = root.nextLong();

        // 1. Data.
        Transitions data = collect(settings.source(), settings.episodes(), dataRandom);
        dataTheta = data.stateColumn(0);
        for (int i = 0; i < dataTheta.length; i++) dataTheta[i] = Angles.normalize(dataTheta[i]);
        dataThetaDot = data.stateColumn(1);
        nearCounts = new int[THETA_CELLS * THETA_DOT_CELLS];
        for (int j = 0; j < THETA_DOT_CELLS; j++) {
            for (int i = 0; i < THETA_CELLS; i++) {
                nearCounts[j * THETA_CELLS + i] = countNear(dataTheta, dataThetaDot, cellTheta(i), cellThetaDot(j));
            }
        }

        // 2. The ensemble, trained epoch by epoch in step().
        EnsembleConfig config = ModelBasedPlanning.fitConfig(settings.members(), HIDDEN_UNITS, settings.maxEpochs(),
                fitSeed);
        trainer = new EnsembleTrainer(config, data.regressionData(features));
    }

    /** The centre of grid column i, rad. */
    public static double cellTheta(int i) {
        return -Math.PI + 2 * Math.PI * (i + 0.5) / THETA_CELLS;
    }

    /** The centre of grid row j, rad/s (row 0 at the bottom, θ̇ = −8). */
    public static double cellThetaDot(int j) {
        return -MAX_SPEED + 2 * MAX_SPEED * (j + 0.5) / THETA_DOT_CELLS;
    }

    /** Data points near (θ, θ̇) in the sense of {@link #NEAR_THETA}, with the angle difference wrapped. */
    static int countNear(double[] thetas, double[] thetaDots, double theta, double thetaDot) {
        int n = 0;
        for (int k = 0; k < thetas.length; k++) {
            double a = Angles.normalize(thetas[k] - theta) / NEAR_THETA;
            double b = (thetaDots[k] - thetaDot) / NEAR_THETA_DOT;
            if (a * a + b * b <= 1) n++;
        }
        return n;
    }

    /** Moves the map's slice to torque u; the next snapshot re-evaluates the grid, training goes on. */
    public void setTorque(double u) {
        torque = TORQUE.validate(u);
    }

    @Override
    public boolean step() {
        return trainer.step();
    }

    @Override
    public boolean isDone() {
        return trainer.isDone();
    }

    @Override
    public Snapshot snapshot() {
        TrainingSnapshot t = trainer.snapshot();
        if (gridEpoch != t.epoch() || gridTorque != torque) evaluateGrid(t.epoch());
        return new Snapshot(settings.source(), settings.members(), torque, t.epoch(), t.maxEpochs(), t.done(),
                t.stopReason(), t.history(), varTheta, varThetaDot, nearCounts, dataTheta, dataThetaDot);
    }

    // ---------------------------------------------------------------- 3. the grid

    private void evaluateGrid(int epoch) {
        FrozenEnsemble model = trainer.ensemble().freeze();
        int cells = THETA_CELLS * THETA_DOT_CELLS;
        double[][] points = new double[cells][];
        for (int j = 0; j < THETA_DOT_CELLS; j++) {
            for (int i = 0; i < THETA_CELLS; i++) {
                points[j * THETA_CELLS + i] = features.input(new double[] {cellTheta(i), cellThetaDot(j)}, torque);
            }
        }
        EnsemblePrediction p = model.predict(points);
        varTheta = new double[cells];
        varThetaDot = new double[cells];
        for (int c = 0; c < cells; c++) {
            varTheta[c] = p.epistemicVariance(c, 0);
            varThetaDot[c] = p.epistemicVariance(c, 1);
        }
        gridEpoch = epoch;
        gridTorque = torque;
    }

    // ---------------------------------------------------------------- 1. the data

    /** Runs {@code source} for {@code episodes} episodes on the Gymnasium pendulum. */
    static Transitions collect(DataSource source, int episodes, RandomGenerator random) {
        Dynamics pendulum = ControlSystem.PENDULUM.gymnasium();
        double limit = pendulum.controlLimit();
        Transitions data = new Transitions(2);
        double[] next = new double[2];
        for (int e = 0; e < episodes; e++) {
            boolean swingUp = source == DataSource.SWING_UPS && e % 2 == 1;
            double[] x = switch (source) {
                case HANGING -> new double[] {Math.PI + 0.1 * (2 * random.nextDouble() - 1), 0.1 * (2 * random.nextDouble() - 1)};
                case UNIFORM -> uniformState(random);
                default -> ControlSystem.PENDULUM.gymnasiumReset(random);
            };
            for (int t = 0; t < MbrlSettings.EPISODE_STEPS; t++) {
                if (source == DataSource.UNIFORM) x = uniformState(random);
                double u = swingUp ? swingUpTorque(x, limit, random) : limit * (2 * random.nextDouble() - 1);
                pendulum.step(x, u, next);
                data.add(x, u, next, e);
                x = next.clone();
            }
        }
        return data;
    }

    private static double[] uniformState(RandomGenerator random) {
        return new double[] {-Math.PI + 2 * Math.PI * random.nextDouble(), -MAX_SPEED + 2 * MAX_SPEED * random.nextDouble()};
    }

    /**
     * A noisy swing-up for the pendulum θ̈ = 15 sin θ + 3u (Gymnasium's g = 10, m = l = 1): far from upright
     * it pumps the energy E = ½θ̇² + 15 cos θ towards its upright value 15 with full torque
     * (dE/dt = 3uθ̇); near upright (cos θ > 0.9, |θ̇| < 3) it balances with u = −(10θ + 2θ̇). Gaussian noise
     * of 0.3 N·m keeps episodes apart. Only a data source: it need not succeed every time.
     */
    static double swingUpTorque(double[] x, double limit, RandomGenerator random) {
        double theta = Angles.normalize(x[0]);
        double thetaDot = x[1];
        double u;
        if (Math.cos(theta) > 0.9 && Math.abs(thetaDot) < 3) {
            u = -(10 * theta + 2 * thetaDot);
        } else {
            double energy = 0.5 * thetaDot * thetaDot + 15 * Math.cos(theta);
            double pump = thetaDot * (15 - energy);
            u = pump == 0 ? limit : limit * Math.signum(pump);
        }
        u += 0.3 * random.nextGaussian();
        return Math.max(-limit, Math.min(limit, u));
    }
}
