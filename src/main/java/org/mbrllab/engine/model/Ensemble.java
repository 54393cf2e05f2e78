package org.mbrllab.engine.model;

import org.mbrllab.engine.nn.EnsembleNetwork;

/**
 * A trained ensemble of K networks, answering in the units of the data. Made by {@link EnsembleTrainer}.
 * It runs SameDiff, so it is confined to the thread that trains it (the engine thread); hand the numbers
 * it returns to other threads, never the ensemble.
 *
 * <p>Two ways to ask:
 * <ul>
 *   <li>{@link #predict}: every member at the same points, with μ̄, σ²_ens and σ²_ale as the course defines
 *       them (the lesson plots, the disagreement heat map, rollouts through the mean);</li>
 *   <li>{@link #predictEach}: each member at its own points, in one batched run (rollouts that follow one
 *       sampled member per trajectory or per step).</li>
 * </ul>
 */
public final class Ensemble {
    private final EnsembleNetwork network;
    private final Standardizer in;
    private final Standardizer out;

    Ensemble(EnsembleNetwork network, Standardizer in, Standardizer out) {
        this.network = network;
        this.in = in;
        this.out = out;
    }

    public int members() {
        return network.members();
    }

    public int inputs() {
        return network.inputs();
    }

    public int outputs() {
        return network.outputs();
    }

    public MemberKind kind() {
        return network.probabilistic() ? MemberKind.PROBABILISTIC : MemberKind.DETERMINISTIC;
    }

    /**
     * An immutable copy of the current weights that predicts in plain Java, for planning through the
     * model many times a second and for handing a fitted model to another thread.
     *
     * @throws IllegalStateException for members with a random prior (β > 0): the plain-Java pass does not
     *                               carry the prior networks, and a copy without them would predict wrongly
     */
    public FrozenEnsemble freeze() {
        if (network.priorScale() > 0) {
            throw new IllegalStateException("an ensemble with random priors (prior scale " + network.priorScale()
                    + ") cannot be frozen yet: train it with prior scale 0 to plan through it");
        }
        return new FrozenEnsemble(network.members(), network.inputs(), network.outputs(), network.hiddenLayers(),
                network.activation(), kind(), network.allParameters(), in, out);
    }

    /**
     * Every member's prediction at the same points, and the ensemble statistics.
     *
     * @param points one row of {@link #inputs()} numbers per point; at least one point
     */
    public EnsemblePrediction predict(double[][] points) {
        int k = members();
        int n = points.length;
        float[] x = new float[k * n * inputs()];
        float[] one = standardise(points);
        for (int m = 0; m < k; m++) System.arraycopy(one, 0, x, m * one.length, one.length);
        double[][] flat = run(x, n);
        return EnsemblePrediction.ofFlat(k, n, outputs(), flat[0], flat[1]);
    }

    /** {@link #predict} for one input column (the 1-D lesson): point i is {@code xs[i]}. */
    public EnsemblePrediction predict(double[] xs) {
        if (inputs() != 1) throw new IllegalArgumentException("the ensemble takes " + inputs() + " inputs, not 1");
        double[][] points = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) points[i] = new double[] {xs[i]};
        return predict(points);
    }

    /**
     * Member k's prediction at its own points {@code pointsPerMember[k]}, for every k in one batched run.
     * Every member must get the same number of points.
     *
     * @return means and variances [k][i][d], fresh arrays owned by the caller; the variances are 0 for
     *         deterministic members
     */
    public MemberPredictions predictEach(double[][][] pointsPerMember) {
        int k = members();
        if (pointsPerMember.length != k) {
            throw new IllegalArgumentException(pointsPerMember.length + " point sets for " + k + " members");
        }
        int n = pointsPerMember[0].length;
        float[] x = new float[k * n * inputs()];
        for (int m = 0; m < k; m++) {
            if (pointsPerMember[m].length != n) {
                throw new IllegalArgumentException("member " + m + " has " + pointsPerMember[m].length
                        + " points, member 0 has " + n + "; the batched graph needs the same count");
            }
            float[] one = standardise(pointsPerMember[m]);
            System.arraycopy(one, 0, x, m * one.length, one.length);
        }
        double[][] flat = run(x, n);
        int d = outputs();
        double[][][] means = new double[k][n][d];
        double[][][] variances = new double[k][n][d];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    int c = (m * n + i) * d + j;
                    means[m][i][j] = flat[0][c];
                    if (flat[1] != null) variances[m][i][j] = flat[1][c];
                }
            }
        }
        return new MemberPredictions(means, variances);
    }

    /**
     * Per-member means and variances [k][i][d] in the units of the data.
     *
     * @param means     μ_k(x_i)_d
     * @param variances σ²_k(x_i)_d; 0 for deterministic members
     */
    public record MemberPredictions(double[][][] means, double[][][] variances) {}

    // ----------------------------------------------------------------

    private float[] standardise(double[][] points) {
        int w = inputs();
        if (points.length == 0) throw new IllegalArgumentException("no points to predict");
        float[] x = new float[points.length * w];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != w) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " inputs, not " + w);
            }
            for (int j = 0; j < w; j++) x[i * w + j] = in.forward(points[i][j], j);
        }
        return x;
    }

    /** {means, variances (null for deterministic members)}, flattened (k·n + i)·d + j, in data units. */
    private double[][] run(float[] x, int n) {
        int k = members();
        int d = outputs();
        float[][] raw = network.predict(x, n);
        boolean probabilistic = raw[1] != null;
        double[] mean = new double[k * n * d];
        double[] variance = probabilistic ? new double[k * n * d] : null;
        for (int c = 0; c < mean.length; c++) {
            int j = c % d;
            mean[c] = out.backMean(raw[0][c], j);
            if (probabilistic) variance[c] = out.backVariance(Math.exp(raw[1][c]), j);
        }
        return new double[][] {mean, variance};
    }
}
