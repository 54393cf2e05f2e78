package org.mbrllab.engine.model;

/**
 * What an ensemble of K members says at n query points, in the units of the data: each member's mean
 * μ_k (and variance σ²_k when members are probabilistic), and the ensemble statistics of the course:
 * <pre>
 *   μ̄      = (1/K) Σ_k μ_k                 ensemble mean
 *   σ²_ens = (1/K) Σ_k (μ_k − μ̄)²          disagreement: a proxy for epistemic uncertainty
 *   σ²_ale = (1/K) Σ_k σ²_k                mean predicted noise: aleatoric uncertainty (0 for
 *                                           deterministic members, which model no noise)
 * </pre>
 * σ²_ens divides by K, not K − 1, exactly as the course writes it. σ²_ale + σ²_ens is the variance of the
 * equal-weight mixture of the members' Gaussians (the law of total variance), see {@link #totalVariance}.
 * Immutable: it holds its own copies; whole columns are handed out as fresh arrays.
 */
public final class EnsemblePrediction {
    private final int members;
    private final int points;
    private final int outputs;
    private final boolean probabilistic;
    /** [k][i][d] flattened as (k·points + i)·outputs + d. */
    private final double[] memberMean;
    private final double[] memberVariance;
    /** [i][d] flattened as i·outputs + d. */
    private final double[] mean;
    private final double[] epistemic;
    private final double[] aleatoric;

    private EnsemblePrediction(int members, int points, int outputs, double[] memberMean, double[] memberVariance) {
        this.members = members;
        this.points = points;
        this.outputs = outputs;
        this.probabilistic = memberVariance != null;
        this.memberMean = memberMean;
        this.memberVariance = memberVariance;
        int cells = points * outputs;
        mean = new double[cells];
        epistemic = new double[cells];
        aleatoric = new double[cells];
        for (int c = 0; c < cells; c++) {
            // 1. μ̄ and σ²_ale: averages over the members.
            double sum = 0;
            double noise = 0;
            for (int k = 0; k < members; k++) {
                sum += memberMean[k * cells + c];
                if (probabilistic) noise += memberVariance[k * cells + c];
            }
            double mu = sum / members;
            // 2. σ²_ens: the members' spread around μ̄ (two passes, so no cancellation).
            double spread = 0;
            for (int k = 0; k < members; k++) {
                double d = memberMean[k * cells + c] - mu;
                spread += d * d;
            }
            mean[c] = mu;
            epistemic[c] = spread / members;
            aleatoric[c] = noise / members;
        }
    }

    /**
     * The ensemble statistics of the members' predictions.
     *
     * @param memberMeans     μ_k at each point: [k][i][d]
     * @param memberVariances σ²_k at each point, the same shape, or null for deterministic members
     */
    public static EnsemblePrediction of(double[][][] memberMeans, double[][][] memberVariances) {
        int k = memberMeans.length;
        int n = memberMeans[0].length;
        int d = memberMeans[0][0].length;
        return new EnsemblePrediction(k, n, d, flatten(memberMeans, k, n, d),
                memberVariances == null ? null : flatten(memberVariances, k, n, d));
    }

    /** Package use: arrays already flattened as documented, owned by the new prediction. */
    static EnsemblePrediction ofFlat(int members, int points, int outputs, double[] memberMean,
                                     double[] memberVariance) {
        return new EnsemblePrediction(members, points, outputs, memberMean, memberVariance);
    }

    public int members() {
        return members;
    }

    public int points() {
        return points;
    }

    public int outputs() {
        return outputs;
    }

    /** Whether the members predicted variances (else every σ²_k and σ²_ale is 0). */
    public boolean probabilistic() {
        return probabilistic;
    }

    /** μ_k at point i, output d. */
    public double memberMean(int k, int i, int d) {
        return memberMean[(k * points + i) * outputs + d];
    }

    /** σ²_k at point i, output d; 0 for deterministic members. */
    public double memberVariance(int k, int i, int d) {
        return probabilistic ? memberVariance[(k * points + i) * outputs + d] : 0;
    }

    /** μ̄ at point i, output d. */
    public double mean(int i, int d) {
        return mean[i * outputs + d];
    }

    /** σ²_ens at point i, output d. */
    public double epistemicVariance(int i, int d) {
        return epistemic[i * outputs + d];
    }

    /** σ²_ale at point i, output d. */
    public double aleatoricVariance(int i, int d) {
        return aleatoric[i * outputs + d];
    }

    /** σ²_ale + σ²_ens: the variance of the equal mixture of the members' predictions. */
    public double totalVariance(int i, int d) {
        return aleatoric[i * outputs + d] + epistemic[i * outputs + d];
    }

    /** μ̄ at every point, output d. */
    public double[] meanColumn(int d) {
        double[] c = new double[points];
        for (int i = 0; i < points; i++) c[i] = mean(i, d);
        return c;
    }

    /** σ_ens = √σ²_ens at every point, output d. */
    public double[] epistemicStdColumn(int d) {
        double[] c = new double[points];
        for (int i = 0; i < points; i++) c[i] = Math.sqrt(epistemicVariance(i, d));
        return c;
    }

    /** σ_ale = √σ²_ale at every point, output d. */
    public double[] aleatoricStdColumn(int d) {
        double[] c = new double[points];
        for (int i = 0; i < points; i++) c[i] = Math.sqrt(aleatoricVariance(i, d));
        return c;
    }

    /** μ_k at every point, output d (one member's curve). */
    public double[] memberMeanColumn(int k, int d) {
        double[] c = new double[points];
        for (int i = 0; i < points; i++) c[i] = memberMean(k, i, d);
        return c;
    }

    /** σ_k at every point, output d; zeros for deterministic members. */
    public double[] memberStdColumn(int k, int d) {
        double[] c = new double[points];
        for (int i = 0; i < points; i++) c[i] = Math.sqrt(memberVariance(k, i, d));
        return c;
    }

    private static double[] flatten(double[][][] a, int k, int n, int d) {
        double[] flat = new double[k * n * d];
        for (int m = 0; m < k; m++) {
            if (a[m].length != n) throw new IllegalArgumentException("member " + m + " has " + a[m].length + " points, not " + n);
            for (int i = 0; i < n; i++) {
                if (a[m][i].length != d) {
                    throw new IllegalArgumentException("member " + m + " point " + i + " has " + a[m][i].length
                            + " outputs, not " + d);
                }
                System.arraycopy(a[m][i], 0, flat, (m * n + i) * d, d);
            }
        }
        return flat;
    }
}
