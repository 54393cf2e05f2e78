package org.mbrllab.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * K multilayer perceptrons as <em>one</em> SameDiff graph: every weight carries a leading member axis,
 * so a layer of all K members is one batched matmul {@code (K, n, fan_in) × (K, fan_in, fan_out)}. The
 * loss is the sum of the members' losses, so its gradient (SameDiff autodiff) trains each member on its
 * own batch as if it were alone, at the cost of one graph run instead of K. Works in standardised units;
 * the lesson's {@code engine.model.Ensemble} and {@code EnsembleTrainer} do the mapping. Its methods take
 * and return plain float and double arrays, so no ND4J type reaches the classes that use it. Float32.
 * Confined to one thread.
 *
 * <h2>The graph, for member k and a batch x of shape (n, inputs)</h2>
 * <pre>
 *   h₀ = x,   hₗ = act(hₗ₋₁ Wₗ[k] + bₗ[k])            for l = 1 … hidden layers
 *   μ  = h_L W_μ[k] + b_μ[k]   (+ β·p_k(x), the fixed random prior, when β > 0: see below)
 *   deterministic:  loss_k = mean over rows and outputs of (y − μ)²
 *   probabilistic:  r = h_L W_v[k] + b_v[k]                      (raw log-variance)
 *                   v = maxLV[k] − softplus(maxLV[k] − r)         (soft upper bound)
 *                   v = minLV[k] + softplus(v − minLV[k])         (soft lower bound)
 *                   loss_k = mean of ½[(y − μ)² e^(−v) + v + ln 2π]    (Gaussian NLL)
 *   minimised:  Σ_k loss_k   (+ 0.01 Σ_k Σ_d (maxLV[k]_d − minLV[k]_d) when probabilistic)
 * </pre>
 * The log-variance bounds are those of PETS (Chua et al. 2018, "Deep reinforcement learning in a
 * handful of trials using probabilistic dynamics models"): softplus bounds whose limits
 * maxLV and minLV are themselves learned (one per member and output, starting at 0.5 and −10 in
 * standardised units), with the small penalty above pulling them together. Without them a member could
 * shrink its variance without limit on points it fits well and make the NLL −∞.
 *
 * <h2>Random priors (β &gt; 0)</h2>
 * With a prior scale β &gt; 0 each member's mean is
 * <pre>
 *   f_k(x) = g_k(x) + β·p_k(x)
 * </pre>
 * where g_k is the trained network above and p_k a second network of the same shape whose weights are
 * drawn once, as g_k's are, and never trained (graph constants). This is "randomised prior functions"
 * (Osband, Aslanides and Cassirer 2018, "Randomized prior functions for deep reinforcement learning",
 * NeurIPS). Why it is needed: trained alone, every g_k meets the same data at a gap's two edges and,
 * having the same architecture, bridges them the same way, so the members agree (σ_ens small) on one
 * curve that can be far from the truth. With a prior, g_k learns y − β·p_k where there are data, and
 * across a gap it bridges that, so f_k there is the common bridge plus β times how far p_k bends away
 * from its own bridge: a different bend for every member, hence disagreement exactly where no data pin
 * the members down, growing with β. Where data are dense each g_k cancels its p_k, and the members agree
 * again. The log-variance head has no prior: it models the noise, which the data do pin down.
 *
 * <h2>Initial weights</h2>
 * From each member's own random stream: weights N(0, g²/fan_in) with g² = 2 before ReLU and swish and 1
 * before tanh and at the output (He/LeCun); biases uniform in ±1/√fan_in, so that the kinks of the first
 * ReLU layer are spread over the inputs instead of all sitting at 0. The prior network's weights are
 * drawn the same way from the same stream after all of g_k's, so g_k starts the same with or without a
 * prior, and β = 0 builds exactly the graph of a plain ensemble.
 *
 * <h2>Training steps</h2>
 * The graph's ops, forward and the backward ops of SameDiff's autodiff, run as a list fixed once
 * ({@link FixedTrainingStep}), not through {@code fit}: the same kernels on the same arrays, so the same
 * numbers bit for bit ({@link #trainBatchesThroughFit} is kept as the reference), with far less Java
 * around each op. In {@code bench ensemble} (K = 5) the first timed epoch went from a median of 188,000
 * to 260,000 member samples/s (8 interleaved runs each).
 *
 * <h2>Fewer, larger ops</h2>
 * Each op costs a fixed amount of bookkeeping in Java, and each pass over a (K, n, units) array
 * costs memory traffic, so the graph uses as few as it can. (y − μ)² is one {@code squaredsubtract} op
 * rather than a subtraction and a multiplication (its backward op likewise): in {@code bench ensemble}
 * this raised the first timed epoch from a median of 149,000 to 174,000 member samples/s (5 interleaved
 * runs each) and took the graph from 29 ops per training step to 27. The input layer's bias is the last
 * row of its weight variable, W' = [W; b], and the inputs get a last column of ones, so that the layer
 * is one matmul: the backward op of a broadcast bias add, which sums the gradient over the rows, cost
 * about a tenth of an epoch (median 162,000 → 179,000 member samples/s, 5 interleaved runs).
 * {@link #allParameters} hands W and b out separately, as for every other layer. Neither change moved a
 * trained number: the runs of {@code mbrl} and {@code ensemble} checked before and after agree bit for bit.
 *
 * <p>With ReLU the hidden layers after the first fold their bias the same way: the layer before each gets
 * one more unit whose weights are held constant (zeros, and 1 in the bias row), so its pre-activation is
 * exactly 1, which ReLU passes on as the next layer's column of ones. The constant column is joined to the
 * trained weights by a concatenation of a (K, fan_in + 1, 1) array, a small op, where the broadcast add and
 * its backward op worked on all (K, n, units) values: timed op by op (warmed up, K = 5, batch 256), the add
 * and its backward op took 0.34 ms of a 7.0 ms step, the concatenation and its backward op take 0.07 ms.
 * (tanh and swish do not map 1 to 1, so their layers keep the add; so do the heads.) This one does move
 * trained numbers, at float rounding: the bias is now added inside the matmul's sums, so the models are
 * the same but training follows a slightly different path.
 *
 * <h2>ReLU</h2>
 * ReLU is written x·[x > 0] (the mask is a constant to autodiff), not with SameDiff's {@code relu} op:
 * the values and gradients are the same, but libnd4j's {@code relu_bp} took three times as long as a
 * multiply by a 0/1 mask (measured on a 5 × 256 × 200 batch).
 */
public final class EnsembleNetwork {
    static final double INITIAL_MAX_LOG_VARIANCE = 0.5;
    static final double INITIAL_MIN_LOG_VARIANCE = -10;
    static final double LOG_VARIANCE_BOUND_PENALTY = 0.01;
    /** The largest prior scale β accepted: far beyond any useful value, it only guards against typos. */
    public static final double MAX_PRIOR_SCALE = 100;
    private static final double LN_2PI = Math.log(2 * Math.PI);

    private final SameDiff sd;
    private final int members;
    private final int inputs;
    private final int outputs;
    private final boolean probabilistic;
    private final double priorScale;
    private final int hiddenLayers;
    private final Activation activation;
    /** Trainable variables in a fixed order, each of shape (K, …). */
    private final List<String> parameters = new ArrayList<>();
    /** The members' losses of each batch of a {@link #trainBatchesThroughFit}, in order. */
    private final List<double[]> recorded = new ArrayList<>();
    private final IUpdater updater;
    private final FixedTrainingStep step;

    /**
     * The shape of the K networks.
     *
     * @param members       K, at least 1
     * @param inputs        inputs per row, at least 1
     * @param outputs       outputs per row, at least 1
     * @param hiddenLayers  hidden layers, at least 0
     * @param hiddenUnits   units per hidden layer, at least 1
     * @param activation    the hidden layers' nonlinearity
     * @param probabilistic whether each member has a log-variance head and is trained by the Gaussian NLL
     *                      (otherwise a mean only, trained by the mean squared error)
     * @param priorScale    β, the weight of each member's fixed random prior network in its mean, 0 to
     *                      {@value #MAX_PRIOR_SCALE}; 0 builds no prior (plain members)
     */
    public record Architecture(int members, int inputs, int outputs, int hiddenLayers, int hiddenUnits,
                               Activation activation, boolean probabilistic, double priorScale) {
        public Architecture {
            if (!(priorScale >= 0 && priorScale <= MAX_PRIOR_SCALE)) {
                throw new IllegalArgumentException("priorScale " + priorScale + " is out of range: 0 to " + MAX_PRIOR_SCALE);
            }
            atLeast("members", members, 1);
            atLeast("inputs", inputs, 1);
            atLeast("outputs", outputs, 1);
            atLeast("hiddenLayers", hiddenLayers, 0);
            atLeast("hiddenUnits", hiddenUnits, 1);
            Objects.requireNonNull(activation, "activation");
        }

        /** Plain members, without a random prior (β = 0). */
        public Architecture(int members, int inputs, int outputs, int hiddenLayers, int hiddenUnits,
                            Activation activation, boolean probabilistic) {
            this(members, inputs, outputs, hiddenLayers, hiddenUnits, activation, probabilistic, 0);
        }

        private static void atLeast(String field, int value, int min) {
            if (value < min) throw new IllegalArgumentException(field + " " + value + " is out of range: at least " + min);
        }
    }

    /**
     * @param learningRate Adam's step size α ({@link AdamInJava})
     * @param random       one stream per member, for its initial weights
     */
    public EnsembleNetwork(Architecture architecture, double learningRate, RandomGenerator[] random) {
        this(architecture, random, new AdamInJava(learningRate));
    }

    /** With another updater than {@link AdamInJava} (a test compares it with ND4J's own Adam). */
    EnsembleNetwork(Architecture architecture, RandomGenerator[] random, IUpdater updater) {
        if (random.length != architecture.members()) {
            throw new IllegalArgumentException(random.length + " random streams for " + architecture.members() + " members");
        }
        Nd4jRuntime.ensureReady();
        this.members = architecture.members();
        this.inputs = architecture.inputs();
        this.outputs = architecture.outputs();
        this.probabilistic = architecture.probabilistic();
        this.hiddenLayers = architecture.hiddenLayers();
        this.activation = architecture.activation();
        this.sd = SameDiff.create();

        // 1. Hidden layers.
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, members, -1, inputs + 1);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, members, -1, outputs);
        SDVariable h = x;
        int fanIn = inputs;
        boolean ones = true; // whether h carries a last column of ones: x does
        for (int l = 0; l < hiddenLayers; l++) {
            double gain = activation == Activation.TANH ? 1 : 2;
            // A ReLU layer that feeds another hidden layer makes that layer's column of ones (see the class comment).
            boolean makeOnes = activation == Activation.RELU && l < hiddenLayers - 1;
            h = activate(activation, dense("hidden" + l, h, fanIn, architecture.hiddenUnits(), gain, random, ones, makeOnes));
            fanIn = architecture.hiddenUnits();
            ones = makeOnes;
        }
        // 2. Heads and the loss of each member.
        SDVariable trainedMean = dense("mean", h, fanIn, outputs, 1, random, ones, false);
        SDVariable rawLogVar = probabilistic ? dense("logvar", h, fanIn, outputs, 1, random, ones, false) : null;
        // 3. The random prior: drawn after every trained weight, so the trained nets start as without it.
        this.priorScale = architecture.priorScale();
        SDVariable mean = priorScale > 0
                ? trainedMean.add(prior(x, architecture, random).mul(priorScale)).rename("mean")
                : trainedMean.rename("mean");
        SDVariable memberLoss;
        SDVariable total;
        if (probabilistic) {
            SDVariable raw = rawLogVar;
            SDVariable maxLv = sd.var("max_logvar", Nd4j.valueArrayOf(new long[] {members, 1, outputs},
                    (float) INITIAL_MAX_LOG_VARIANCE));
            SDVariable minLv = sd.var("min_logvar", Nd4j.valueArrayOf(new long[] {members, 1, outputs},
                    (float) INITIAL_MIN_LOG_VARIANCE));
            parameters.add("max_logvar");
            parameters.add("min_logvar");
            SDVariable upper = maxLv.sub(sd.nn().softplus(maxLv.sub(raw)));
            SDVariable logVar = minLv.add(sd.nn().softplus(upper.sub(minLv))).rename("logvar");
            SDVariable squaredError = sd.math().squaredDifference(y, mean);
            SDVariable nll = squaredError.mul(sd.math().exp(logVar.neg())).add(logVar).add(LN_2PI).mul(0.5);
            memberLoss = nll.mean("member_loss", 1, 2);
            total = memberLoss.sum().add(maxLv.sum().sub(minLv.sum()).mul(LOG_VARIANCE_BOUND_PENALTY));
        } else {
            memberLoss = sd.math().squaredDifference(y, mean).mean("member_loss", 1, 2);
            total = memberLoss.sum();
        }
        total.rename("total_loss");
        sd.setLossVariables(total);
        // 4. The backward graph, built now (and quietly) rather than on the first fit.
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.updater = updater;
        this.step = new FixedTrainingStep(sd, parameters, updater, List.of("x", "y"), List.of("member_loss"));
    }

    public int members() {
        return members;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** β, the weight of each member's random prior in its mean; 0 for plain members. */
    public double priorScale() {
        return priorScale;
    }

    /** Whether the members predict a Gaussian (mean and log-variance) rather than a point. */
    public boolean probabilistic() {
        return probabilistic;
    }

    /**
     * One update step per batch for every member at once, in order, each a {@link FixedTrainingStep}: the
     * graph's forward and backward ops (SameDiff's autodiff) run as a fixed list, then the updater.
     *
     * @param x    per batch (K, rows, inputs), row-major: member k's rows come k-th
     * @param y    per batch (K, rows, outputs)
     * @param rows per batch, its rows per member
     * @return per batch, each member's loss on it, before its step
     */
    public double[][] trainBatches(List<float[]> x, List<float[]> y, int[] rows) {
        double[][] losses = new double[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            INDArray memberLoss = step.run(inputArray(x.get(b), rows[b]), array(y.get(b), rows[b], outputs))
                    .get("member_loss");
            losses[b] = memberLoss.toDoubleVector();
        }
        return losses;
    }

    /**
     * The same steps as {@link #trainBatches}, through SameDiff's own {@code fit} (one call for all the
     * batches): the reference that {@code EnsembleNetworkTest} holds the fixed step to. The graph's
     * parameters carry over between the two, the updater's state does not.
     */
    public double[][] trainBatchesThroughFit(List<float[]> x, List<float[]> y, int[] rows) {
        if (sd.getTrainingConfig() == null) {
            sd.setTrainingConfig(new TrainingConfig.Builder()
                    .updater(updater)
                    .dataSetFeatureMapping("x")
                    .dataSetLabelMapping("y")
                    .build());
            sd.setListeners(new LossRecorder());
        }
        List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new ArrayList<>(rows.length);
        for (int b = 0; b < rows.length; b++) {
            batches.add(new MultiDataSet(inputArray(x.get(b), rows[b]), array(y.get(b), rows[b], outputs)));
        }
        recorded.clear();
        sd.fit(new ListIterator(batches), 1);
        if (recorded.size() != rows.length) {
            throw new IllegalStateException(recorded.size() + " losses recorded for " + rows.length + " batches");
        }
        return recorded.toArray(new double[0][]);
    }

    /** Each member's loss on its rows of (x, y), without training. */
    public double[] losses(float[] x, float[] y, int rows) {
        INDArray loss = sd.output(Map.of("x", inputArray(x, rows), "y", array(y, rows, outputs)), "member_loss")
                .get("member_loss");
        return loss.toDoubleVector();
    }

    /**
     * The members' outputs for their rows of {@code x} (K, rows, inputs).
     *
     * @return {mean, logVariance}, each (K, rows, outputs) row-major; logVariance is null for
     *         deterministic members
     */
    public float[][] predict(float[] x, int rows) {
        String[] names = probabilistic ? new String[] {"mean", "logvar"} : new String[] {"mean"};
        Map<String, INDArray> out = sd.output(Map.of("x", inputArray(x, rows)), names);
        float[] mean = out.get("mean").dup().data().asFloat();
        float[] logVar = probabilistic ? out.get("logvar").dup().data().asFloat() : null;
        return new float[][] {mean, logVar};
    }

    public int hiddenLayers() {
        return hiddenLayers;
    }

    public Activation activation() {
        return activation;
    }

    /**
     * A copy of every member's weights, one array per trainable variable in the order of construction:
     * hidden layers (weights, biases), the mean head, then for probabilistic members the log-variance head
     * and the bounds max_logvar, min_logvar. Each array is (K, …) row-major.
     */
    public float[][] allParameters() {
        List<float[]> copy = new ArrayList<>();
        for (String name : parameters) {
            float[] all = sd.getVariable(name).getArr().dup().data().asFloat();
            if (!name.endsWith("_wb")) {
                copy.add(all);
                continue;
            }
            // A layer's W' = [W; b]: handed out as W and b, like every other layer.
            int fanIn = (int) sd.getVariable(name).getArr().size(1) - 1;
            int fanOut = (int) sd.getVariable(name).getArr().size(2);
            float[] w = new float[members * fanIn * fanOut];
            float[] b = new float[members * fanOut];
            for (int k = 0; k < members; k++) {
                System.arraycopy(all, k * (fanIn + 1) * fanOut, w, k * fanIn * fanOut, fanIn * fanOut);
                System.arraycopy(all, (k * (fanIn + 1) + fanIn) * fanOut, b, k * fanOut, fanOut);
            }
            copy.add(w);
            copy.add(b);
        }
        return copy.toArray(new float[0][]);
    }

    /** A copy of member k's weights, one array per trainable variable. */
    public float[][] memberParameters(int k) {
        float[][] copy = new float[parameters.size()][];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = slice(parameters.get(p), k).dup().data().asFloat();
        }
        return copy;
    }

    /** Writes back weights taken by {@link #memberParameters}. */
    public void setMemberParameters(int k, float[][] values) {
        for (int p = 0; p < values.length; p++) {
            INDArray view = slice(parameters.get(p), k);
            view.assign(Nd4j.create(values[p], view.shape(), 'c'));
        }
    }

    // ---------------------------------------------------------------- construction

    /**
     * h·W + b with W (K, fanIn, fanOut) ~ N(0, gain/fanIn) and b (K, 1, fanOut) ~ U(±1/√fanIn), per member.
     * With {@code biasInInput}, h carries a last column of ones (the inputs, see {@link #inputArray}, or a layer
     * made with {@code makeOnes}) and b is stored as the last row of the variable W' = [W; b], so that h·W' is the
     * whole layer in one op. With {@code makeOnes} the layer gets one more output, a constant 1 (a column of
     * W' held constant: zeros and a 1 in the bias row), which a ReLU passes unchanged: the next layer's ones.
     */
    private SDVariable dense(String name, SDVariable h, int fanIn, int fanOut, double gain, RandomGenerator[] random,
                             boolean biasInInput, boolean makeOnes) {
        float[][] wb = draw(fanIn, fanOut, gain, random);
        if (biasInInput) {
            SDVariable weights = sd.var(name + "_wb", Nd4j.create(fold(wb, fanIn, fanOut),
                    new long[] {members, fanIn + 1, fanOut}, 'c'));
            parameters.add(name + "_wb");
            if (makeOnes) {
                INDArray one = Nd4j.zeros(DataType.FLOAT, members, fanIn + 1, 1);
                for (int k = 0; k < members; k++) one.putScalar(new long[] {k, fanIn, 0}, 1f);
                weights = sd.concat(2, weights, sd.constant(name + "_ones", one));
            }
            return sd.mmul(h, weights);
        }
        if (makeOnes) throw new IllegalArgumentException("a column of ones needs the bias in the weights");
        SDVariable weights = sd.var(name + "_w", Nd4j.create(wb[0], new long[] {members, fanIn, fanOut}, 'c'));
        SDVariable bias = sd.var(name + "_b", Nd4j.create(wb[1], new long[] {members, 1, fanOut}, 'c'));
        parameters.add(name + "_w");
        parameters.add(name + "_b");
        return sd.mmul(h, weights).add(bias);
    }

    /**
     * The members' prior networks p_k(x): the same layers as the trained mean path, with weights drawn as
     * theirs are (from member k's stream, after its trained weights) but held as graph constants, so that
     * no gradient or update ever reaches them.
     */
    private SDVariable prior(SDVariable x, Architecture architecture, RandomGenerator[] random) {
        SDVariable p = x;
        int fanIn = inputs;
        double gain = activation == Activation.TANH ? 1 : 2;
        for (int l = 0; l < hiddenLayers; l++) {
            float[][] wb = draw(fanIn, architecture.hiddenUnits(), gain, random);
            long[] shape = l == 0 ? new long[] {members, fanIn + 1, architecture.hiddenUnits()}
                    : new long[] {members, fanIn, architecture.hiddenUnits()};
            SDVariable z = l == 0
                    ? sd.mmul(p, sd.constant("prior" + l + "_wb", Nd4j.create(fold(wb, fanIn, architecture.hiddenUnits()), shape, 'c')))
                    : sd.mmul(p, sd.constant("prior" + l + "_w", Nd4j.create(wb[0], shape, 'c')))
                            .add(sd.constant("prior" + l + "_b", Nd4j.create(wb[1], new long[] {members, 1, architecture.hiddenUnits()}, 'c')));
            p = activate(activation, z);
            fanIn = architecture.hiddenUnits();
        }
        float[][] wb = draw(fanIn, outputs, 1, random);
        if (hiddenLayers == 0) {
            return sd.mmul(p, sd.constant("prior_out_wb", Nd4j.create(fold(wb, fanIn, outputs), new long[] {members, fanIn + 1, outputs}, 'c')));
        }
        return sd.mmul(p, sd.constant("prior_out_w", Nd4j.create(wb[0], new long[] {members, fanIn, outputs}, 'c')))
                .add(sd.constant("prior_out_b", Nd4j.create(wb[1], new long[] {members, 1, outputs}, 'c')));
    }

    /** {W, b} for every member: W (K, fanIn, fanOut) ~ N(0, gain/fanIn), b (K, fanOut) ~ U(±1/√fanIn). */
    private float[][] draw(int fanIn, int fanOut, double gain, RandomGenerator[] random) {
        float[] w = new float[members * fanIn * fanOut];
        float[] b = new float[members * fanOut];
        double std = Math.sqrt(gain / fanIn);
        double bound = 1 / Math.sqrt(fanIn);
        for (int k = 0; k < members; k++) {
            RandomGenerator r = random[k];
            for (int i = 0; i < fanIn * fanOut; i++) w[k * fanIn * fanOut + i] = (float) (std * r.nextGaussian());
            for (int j = 0; j < fanOut; j++) b[k * fanOut + j] = (float) (bound * (2 * r.nextDouble() - 1));
        }
        return new float[][] {w, b};
    }

    /** W' = [W; b] per member, (K, fanIn + 1, fanOut): a layer that reads a column of ones. */
    private float[] fold(float[][] wb, int fanIn, int fanOut) {
        float[] folded = new float[members * (fanIn + 1) * fanOut];
        for (int k = 0; k < members; k++) {
            System.arraycopy(wb[0], k * fanIn * fanOut, folded, k * (fanIn + 1) * fanOut, fanIn * fanOut);
            System.arraycopy(wb[1], k * fanOut, folded, (k * (fanIn + 1) + fanIn) * fanOut, fanOut);
        }
        return folded;
    }

    private SDVariable activate(Activation activation, SDVariable z) {
        switch (activation) {
            case RELU:
                return z.mul(z.gt(0.0).castTo(DataType.FLOAT));
            case TANH:
                return sd.nn().tanh(z);
            case SWISH:
                return sd.nn().swish(z);
            default:
                throw new IllegalArgumentException("activation " + activation);
        }
    }

    private INDArray slice(String variable, int k) {
        INDArray all = sd.getVariable(variable).getArr();
        return all.get(NDArrayIndex.point(k), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private INDArray array(float[] data, int rows, int width) {
        return Nd4j.create(data, new long[] {members, rows, width}, 'c');
    }

    /** The inputs (K, rows, inputs) with a last column of ones appended: the input layer's bias input. */
    private INDArray inputArray(float[] data, int rows) {
        float[] withOnes = new float[members * rows * (inputs + 1)];
        for (int r = 0; r < members * rows; r++) {
            System.arraycopy(data, r * inputs, withOnes, r * (inputs + 1), inputs);
            withOnes[r * (inputs + 1) + inputs] = 1;
        }
        return Nd4j.create(withOnes, new long[] {members, rows, inputs + 1}, 'c');
    }

    /** The batches of one epoch, for {@code fit}. */
    private static final class ListIterator implements MultiDataSetIterator {
        private final List<org.nd4j.linalg.dataset.api.MultiDataSet> batches;
        private int next;

        ListIterator(List<org.nd4j.linalg.dataset.api.MultiDataSet> batches) {
            this.batches = batches;
        }

        @Override
        public boolean hasNext() {
            return next < batches.size();
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next() {
            return batches.get(next++);
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next(int num) {
            return next();
        }

        @Override
        public void reset() {
            next = 0;
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException("no preprocessing");
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
            return null;
        }
    }

    /** Copies the members' losses out of each training step, without an extra graph run. */
    private final class LossRecorder extends BaseListener {
        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sameDiff) {
            return ListenerVariables.builder().trainingVariables("member_loss").build();
        }

        @Override
        public void activationAvailable(SameDiff sameDiff, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch,
                                        SameDiffOp op, String variable, INDArray activation) {
            if ("member_loss".equals(variable)) recorded.add(activation.toDoubleVector());
        }
    }
}
