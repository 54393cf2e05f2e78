package org.mbrllab.engine.nn;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * AlphaZero's policy/value network (two tanh layers, a policy head and a tanh value head, the network of
 * {@code engine.alphazero.PolicyValueNet}) as a SameDiff graph with the AlphaZero loss (Silver et al.
 * 2017, eq. 1):
 * <pre>
 *   l = (z − v)²  −  πᵀ log p  +  c‖θ‖²
 * </pre>
 * averaged over a batch: the value's squared error against the game's outcome z, the cross-entropy of
 * the policy p against the search's visit distribution π, and L2 on the weight matrices (not the biases).
 * Illegal moves are masked by adding −{@value #MASK_PENALTY} to their logits before the log-softmax, so p
 * is a distribution over the legal moves exactly as in the Java forward pass. Gradients come from
 * SameDiff autodiff; the step is ND4J's Adam (Kingma &amp; Ba 2015), run as a {@link FixedTrainingStep}
 * (SameDiff's own ops as a fixed list: the losses and the update in one run instead of an {@code output}
 * and a {@code fit}).
 *
 * <p>The weights go in and come out as plain float arrays, in the order {@value #ORDER}, matrices
 * row-major (fan-in, fan-out), so no ND4J type reaches the classes that use it. Lives on the training
 * thread; {@link #weights()} copies the weights out.
 */
public final class PolicyValueGraph {
    static final float MASK_PENALTY = 1e4f;
    /** The weight arrays, in the order they go in and come out (that of the {@code .az} file). */
    static final String ORDER = "w1 b1 w2 b2 wp bp wv bv";
    /** The graph's variable names, in {@link #ORDER}. */
    private static final String[] NAMES = ORDER.split(" ");

    private final SameDiff sd;
    private final int hidden;
    private final int inputs;
    private final int moves;
    private final double learningRate;
    private final FixedTrainingStep step;

    /**
     * @param inputs       the board encoding's width
     * @param hidden       units in each of the two hidden layers
     * @param moves        the game's moves (the policy head's width)
     * @param start        the initial weights, in {@value #ORDER} order
     * @param learningRate Adam's step size α
     * @param l2           the L2 coefficient c
     */
    public PolicyValueGraph(int inputs, int hidden, int moves, float[][] start, double learningRate, double l2) {
        Nd4jRuntime.ensureReady();
        this.hidden = hidden;
        this.inputs = inputs;
        this.moves = moves;
        this.sd = SameDiff.create();
        int[][] dims = {{inputs, hidden}, {1, hidden}, {hidden, hidden}, {1, hidden}, {hidden, moves}, {1, moves}, {hidden, 1}, {1, 1}};
        if (start.length != dims.length) {
            throw new IllegalArgumentException(start.length + " weight arrays, expected " + dims.length + " (" + ORDER + ")");
        }
        SDVariable[] w = new SDVariable[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (start[i].length != dims[i][0] * dims[i][1]) {
                throw new IllegalArgumentException(NAMES[i] + " has " + start[i].length + " weights, expected "
                        + dims[i][0] * dims[i][1]);
            }
            w[i] = sd.var(NAMES[i], Nd4j.create(start[i].clone(), new long[] {dims[i][0], dims[i][1]}, 'c'));
        }
        // 1. The network.
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, inputs);
        SDVariable illegal = sd.placeHolder("illegal", DataType.FLOAT, -1, moves);
        SDVariable pi = sd.placeHolder("pi", DataType.FLOAT, -1, moves);
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, 1);
        SDVariable h1 = sd.nn().tanh(x.mmul(w[0]).add(w[1]));
        SDVariable h2 = sd.nn().tanh(h1.mmul(w[2]).add(w[3]));
        SDVariable logits = h2.mmul(w[4]).add(w[5]).sub(illegal.mul(MASK_PENALTY));
        // log-softmax written out with the max shift: ND4J's logSoftmax gives −∞ (and 0·−∞ = NaN) for masked moves.
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logP = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        sd.math().exp(logP).rename("priors");
        SDVariable v = sd.nn().tanh(h2.mmul(w[6]).add(w[7])).rename("value");
        // 2. The loss.
        SDVariable valueLoss = v.sub(z).mul(v.sub(z)).mean().rename("value_loss");
        SDVariable policyLoss = pi.mul(logP).sum(1).mean().neg().rename("policy_loss");
        SDVariable l2Loss = w[0].mul(w[0]).sum().add(w[2].mul(w[2]).sum()).add(w[4].mul(w[4]).sum()).add(w[6].mul(w[6]).sum())
                .mul(l2).rename("l2_loss");
        SDVariable total = valueLoss.add(policyLoss).add(l2Loss).rename("total_loss");
        sd.setLossVariables(total);
        // 3. The backward graph, built now and quietly, and the training step that runs it.
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.learningRate = learningRate;
        this.step = new FixedTrainingStep(sd, List.of(NAMES), new Adam(learningRate),
                List.of("x", "illegal", "pi", "z"), List.of("value_loss", "policy_loss", "l2_loss"));
    }

    /**
     * One Adam step on a batch; returns {value loss, policy loss, L2 term} on the batch before the step.
     *
     * @param x       (rows, inputs) row-major
     * @param illegal (rows, moves): 1 for an illegal move
     * @param pi      (rows, moves): the search's visit distribution
     * @param z       (rows): the outcome for the side to move
     */
    public double[] train(float[] x, float[] illegal, float[] pi, float[] z, int rows) {
        INDArray xa = Nd4j.create(x, new long[] {rows, inputs}, 'c');
        INDArray ma = Nd4j.create(illegal, new long[] {rows, moves}, 'c');
        INDArray pa = Nd4j.create(pi, new long[] {rows, moves}, 'c');
        INDArray za = Nd4j.create(z, new long[] {rows, 1}, 'c');
        // One run: the losses come from the forward pass, before the step updates the weights.
        Map<String, INDArray> out = step.run(xa, ma, pa, za);
        return new double[] {out.get("value_loss").getDouble(0), out.get("policy_loss").getDouble(0),
            out.get("l2_loss").getDouble(0)};
    }

    /**
     * The same step through SameDiff's own {@code output} (the losses) and {@code fit} (the update): the
     * reference that {@code PolicyValueNetTest} holds {@link #train} to. The weights carry over between
     * the two, Adam's state does not.
     */
    public double[] trainThroughFit(float[] x, float[] illegal, float[] pi, float[] z, int rows) {
        if (sd.getTrainingConfig() == null) {
            sd.setTrainingConfig(new TrainingConfig.Builder()
                    .updater(new Adam(learningRate))
                    .dataSetFeatureMapping("x", "illegal")
                    .dataSetLabelMapping("pi", "z")
                    .build());
        }
        INDArray xa = Nd4j.create(x, new long[] {rows, inputs}, 'c');
        INDArray ma = Nd4j.create(illegal, new long[] {rows, moves}, 'c');
        INDArray pa = Nd4j.create(pi, new long[] {rows, moves}, 'c');
        INDArray za = Nd4j.create(z, new long[] {rows, 1}, 'c');
        Map<String, INDArray> out = sd.output(Map.of("x", xa, "illegal", ma, "pi", pa, "z", za), "value_loss", "policy_loss", "l2_loss");
        double[] losses = {out.get("value_loss").getDouble(0), out.get("policy_loss").getDouble(0), out.get("l2_loss").getDouble(0)};
        sd.fit(new MultiDataSet(new INDArray[] {xa, ma}, new INDArray[] {pa, za}));
        return losses;
    }

    /** {priors (rows, moves), values (rows)} from the graph, for the test that compares with the Java pass. */
    public float[][] predict(float[] x, float[] illegal, int rows) {
        INDArray xa = Nd4j.create(x, new long[] {rows, inputs}, 'c');
        INDArray ma = Nd4j.create(illegal, new long[] {rows, moves}, 'c');
        Map<String, INDArray> out = sd.output(Map.of("x", xa, "illegal", ma), "priors", "value");
        return new float[][] {out.get("priors").dup().data().asFloat(), out.get("value").dup().data().asFloat()};
    }

    /** Units in each hidden layer. */
    public int hiddenUnits() {
        return hidden;
    }

    /** A copy of the current weights, in {@value #ORDER} order. */
    public float[][] weights() {
        float[][] w = new float[NAMES.length][];
        for (int i = 0; i < w.length; i++) w[i] = sd.getVariable(NAMES[i]).getArr().dup().data().asFloat();
        return w;
    }
}
