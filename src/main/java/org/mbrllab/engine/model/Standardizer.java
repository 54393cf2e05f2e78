package org.mbrllab.engine.model;

/**
 * Per-column standardisation z = (v − mean) / std, fitted on the training rows. A network sees and
 * predicts standardised numbers; {@link Ensemble} maps its outputs back (a mean by {@code v = mean +
 * std·z}, a variance by {@code std²·σ²_z}). A column that never varies gets std 1, so that it passes
 * through shifted but not blown up.
 */
final class Standardizer {
    /** Below this a column counts as constant. */
    static final double MIN_STD = 1e-8;

    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits column means and (population) standard deviations over {@code rows[i]} for i in {@code use}. */
    static Standardizer fit(double[][] rows, int[] use) {
        int width = rows[use[0]].length;
        double[] mean = new double[width];
        double[] std = new double[width];
        for (int i : use) for (int j = 0; j < width; j++) mean[j] += rows[i][j];
        for (int j = 0; j < width; j++) mean[j] /= use.length;
        for (int i : use) {
            for (int j = 0; j < width; j++) {
                double d = rows[i][j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            double s = Math.sqrt(std[j] / use.length);
            std[j] = s > MIN_STD ? s : 1.0;
        }
        return new Standardizer(mean, std);
    }

    int width() {
        return mean.length;
    }

    float forward(double v, int column) {
        return (float) ((v - mean[column]) / std[column]);
    }

    double backMean(double z, int column) {
        return mean[column] + std[column] * z;
    }

    double backVariance(double varZ, int column) {
        return std[column] * std[column] * varZ;
    }

    /** All {@code rows}, standardised, row-major into one float array. */
    float[] forwardAll(double[][] rows) {
        int width = mean.length;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) out[i * width + j] = forward(rows[i][j], j);
        }
        return out;
    }
}
