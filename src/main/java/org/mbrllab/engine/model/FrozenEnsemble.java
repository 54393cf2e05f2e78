package org.mbrllab.engine.model;

import org.mbrllab.engine.nn.Activation;

/**
 * An immutable copy of a fitted {@link Ensemble}: the same K networks and the same standardisation, run
 * forward in plain Java. Made by {@link Ensemble#freeze()}.
 *
 * <p>Why a second forward pass: a planner asks the model about a few hundred states at a time, tens of
 * thousands of times an episode. One SameDiff {@code output} call costs about 0.6 ms whatever its size
 * (measured: 5 members × 10 rows, 2 × 200 units), which is most of the time of a small batch; this loop
 * answers 5 × 40 rows of a 2 × 64 network in a fraction of that, and being immutable it can be handed to
 * another thread (a pane's heat map, a planner on the engine worker). Training, and so every gradient,
 * stays with SameDiff; the weights here are only read. {@code FrozenEnsembleTest} checks that both
 * passes give the same numbers.
 *
 * <h2>Member k at a standardised input z (float32, as the graph)</h2>
 * <pre>
 *   h₀ = z,   hₗ = act(hₗ₋₁ Wₗ[k] + bₗ[k]),   μ = h_L W_μ[k] + b_μ[k]
 *   probabilistic: r = h_L W_v[k] + b_v[k],  v = maxLV − softplus(maxLV − r),  v = minLV + softplus(v − minLV)
 * </pre>
 * and then back to the units of the data.
 */
public final class FrozenEnsemble {
    private final int members;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final MemberKind kind;
    /** Layer l's fan-in and fan-out; the last layer is the mean head. */
    private final int[] fanIn;
    private final int[] fanOut;
    /** Per layer, (K, fanIn, fanOut) and (K, fanOut), row-major. */
    private final float[][] weights;
    private final float[][] biases;
    private final float[] logVarWeights;
    private final float[] logVarBiases;
    private final float[] maxLogVar;
    private final float[] minLogVar;
    private final Standardizer in;
    private final Standardizer out;
    private final int widest;

    FrozenEnsemble(int members, int inputs, int outputs, int hiddenLayers, Activation activation, MemberKind kind,
                   float[][] parameters, Standardizer in, Standardizer out) {
        this.members = members;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.kind = kind;
        this.in = in;
        this.out = out;
        int layers = hiddenLayers + 1;
        fanIn = new int[layers];
        fanOut = new int[layers];
        weights = new float[layers][];
        biases = new float[layers][];
        int width = inputs;
        int widestSoFar = Math.max(inputs, outputs);
        for (int l = 0; l < layers; l++) {
            weights[l] = parameters[2 * l];
            biases[l] = parameters[2 * l + 1];
            fanIn[l] = width;
            fanOut[l] = biases[l].length / members;
            width = fanOut[l];
            widestSoFar = Math.max(widestSoFar, width);
        }
        widest = widestSoFar;
        if (kind == MemberKind.PROBABILISTIC) {
            logVarWeights = parameters[2 * layers];
            logVarBiases = parameters[2 * layers + 1];
            maxLogVar = parameters[2 * layers + 2];
            minLogVar = parameters[2 * layers + 3];
        } else {
            logVarWeights = null;
            logVarBiases = null;
            maxLogVar = null;
            minLogVar = null;
        }
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

    public MemberKind kind() {
        return kind;
    }

    /**
     * Member {@code member[i]}'s mean prediction for row i, in the units of the data.
     *
     * @param x      {@code rows} input rows of {@link #inputs()} numbers, one after another
     * @param member the member that answers for each row, 0 … K − 1
     * @param mean   receives {@code rows} rows of {@link #outputs()} numbers
     */
    public void predictMeans(double[] x, int[] member, double[] mean, int rows) {
        Scratch s = new Scratch();
        for (int i = 0; i < rows; i++) {
            forward(x, i * inputs, member[i], s, false);
            for (int j = 0; j < outputs; j++) mean[i * outputs + j] = out.backMean(s.mean[j], j);
        }
    }

    /**
     * The ensemble mean μ̄ = (1/K) Σ_k μ_k for every row, in the units of the data (K forward passes a row).
     */
    public void predictEnsembleMeans(double[] x, double[] mean, int rows) {
        Scratch s = new Scratch();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < outputs; j++) mean[i * outputs + j] = 0;
            for (int k = 0; k < members; k++) {
                forward(x, i * inputs, k, s, false);
                for (int j = 0; j < outputs; j++) mean[i * outputs + j] += out.backMean(s.mean[j], j) / members;
            }
        }
    }

    /**
     * Every member at the same points, with the ensemble statistics (μ̄, σ²_ens, σ²_ale) of
     * {@link EnsemblePrediction}: what {@link Ensemble#predict(double[][])} gives, without SameDiff.
     */
    public EnsemblePrediction predict(double[][] points) {
        int n = points.length;
        if (n == 0) throw new IllegalArgumentException("no points to predict");
        boolean probabilistic = kind == MemberKind.PROBABILISTIC;
        double[] means = new double[members * n * outputs];
        double[] variances = probabilistic ? new double[members * n * outputs] : null;
        double[] row = new double[inputs];
        Scratch s = new Scratch();
        for (int i = 0; i < n; i++) {
            if (points[i].length != inputs) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " inputs, not " + inputs);
            }
            System.arraycopy(points[i], 0, row, 0, inputs);
            for (int k = 0; k < members; k++) {
                forward(row, 0, k, s, probabilistic);
                for (int j = 0; j < outputs; j++) {
                    int c = (k * n + i) * outputs + j;
                    means[c] = out.backMean(s.mean[j], j);
                    if (probabilistic) variances[c] = out.backVariance(Math.exp(s.logVar[j]), j);
                }
            }
        }
        return EnsemblePrediction.ofFlat(members, n, outputs, means, variances);
    }

    // ---------------------------------------------------------------- the forward pass

    /** Work arrays of one call, so that the ensemble itself stays immutable and shareable. */
    private final class Scratch {
        final float[] a = new float[widest];
        final float[] b = new float[widest];
        final float[] mean = new float[outputs];
        final float[] logVar = new float[outputs];
    }

    /** Member k at the data row {@code x[offset …]}: μ (and log σ²) in standardised units, into {@code s}. */
    private void forward(double[] x, int offset, int k, Scratch s, boolean withVariance) {
        float[] h = s.a;
        float[] next = s.b;
        for (int j = 0; j < inputs; j++) h[j] = in.forward(x[offset + j], j);
        int last = weights.length - 1;
        for (int l = 0; l < last; l++) {
            dense(h, weights[l], biases[l], k, fanIn[l], fanOut[l], next);
            activate(next, fanOut[l]);
            float[] t = h;
            h = next;
            next = t;
        }
        dense(h, weights[last], biases[last], k, fanIn[last], outputs, s.mean);
        if (withVariance) {
            dense(h, logVarWeights, logVarBiases, k, fanIn[last], outputs, s.logVar);
            for (int j = 0; j < outputs; j++) {
                float max = maxLogVar[k * outputs + j];
                float min = minLogVar[k * outputs + j];
                float v = max - softplus(max - s.logVar[j]);
                s.logVar[j] = min + softplus(v - min);
            }
        }
    }

    /** y = h·W[k] + b[k], written as a sum of rows of W so that the inner loop runs along memory. */
    private static void dense(float[] h, float[] w, float[] b, int k, int fanIn, int fanOut, float[] y) {
        System.arraycopy(b, k * fanOut, y, 0, fanOut);
        int base = k * fanIn * fanOut;
        for (int i = 0; i < fanIn; i++) {
            float hi = h[i];
            int row = base + i * fanOut;
            for (int j = 0; j < fanOut; j++) y[j] += hi * w[row + j];
        }
    }

    private void activate(float[] z, int width) {
        switch (activation) {
            case RELU -> {
                for (int j = 0; j < width; j++) if (z[j] < 0) z[j] = 0;
            }
            case TANH -> {
                for (int j = 0; j < width; j++) z[j] = (float) Math.tanh(z[j]);
            }
            case SWISH -> {
                for (int j = 0; j < width; j++) z[j] = (float) (z[j] / (1 + Math.exp(-z[j])));
            }
        }
    }

    /** ln(1 + eˣ), without overflow for large x. */
    private static float softplus(float x) {
        return (float) (x > 20 ? x : Math.log1p(Math.exp(x)));
    }
}
