package org.mbrllab.engine.metrpo;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The policy of ME-TRPO (Kurutach et al. 2018) and of TRPO (Schulman et al. 2015): a diagonal Gaussian
 * whose mean is a tanh MLP of the state and whose log standard deviation is a free vector, the same in
 * every state,
 * <pre>
 *   π_θ(a | s) = N(a; μ_θ(s), diag(σ²)),   μ_θ(s) = W_L tanh(… tanh(W_1 s + b_1) …) + b_L,   σ = exp(log σ).
 * </pre>
 * θ is one flat vector: the layers' weights and biases, then log σ. Besides the mean this class gives
 * the two derivative products TRPO needs, written out by hand because ND4J's SameDiff cannot take a
 * gradient of a gradient: the Jacobian-vector product J v of the mean (forward tangents) and the
 * vector-Jacobian product Jᵀ u (backpropagation), J = ∂μ_θ(s)/∂θ_mean. Both are checked against finite
 * differences in the tests. Plain Java: the networks are small (two hidden layers of 32) and the
 * products run once per state per conjugate-gradient iteration.
 */
public final class GaussianMlpPolicy {

    private final int[] sizes;
    /** Offsets of each layer's weights (row-major, out × in) and biases in {@link #theta}. */
    private final int[] weightAt;
    private final int[] biasAt;
    private final int meanParameters;
    private final double[] theta;

    /**
     * @param sizes layer widths from the state to the action, such as {3, 32, 32, 1}
     */
    public GaussianMlpPolicy(int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("a policy needs at least a state and an action size");
        for (int n : sizes) if (n < 1) throw new IllegalArgumentException("layer size " + n + " is out of range: allowed ≥ 1");
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightAt = new int[layers];
        biasAt = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            weightAt[l] = at;
            at += sizes[l + 1] * sizes[l];
            biasAt[l] = at;
            at += sizes[l + 1];
        }
        meanParameters = at;
        theta = new double[at + actionSize()];
    }

    /** A policy with Glorot-uniform weights from {@code rng}, zero biases and log σ = 0. */
    public static GaussianMlpPolicy initialised(RandomGenerator rng, int... sizes) {
        GaussianMlpPolicy p = new GaussianMlpPolicy(sizes);
        for (int l = 0; l < sizes.length - 1; l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            for (int i = 0; i < sizes[l + 1] * sizes[l]; i++) p.theta[p.weightAt[l] + i] = (2 * rng.nextDouble() - 1) * limit;
        }
        return p;
    }

    public int stateSize() { return sizes[0]; }

    public int actionSize() { return sizes[sizes.length - 1]; }

    /** Length of θ: the mean's parameters and then log σ. */
    public int parameterCount() { return theta.length; }

    /** How many of θ's entries belong to the mean network (log σ follows them). */
    public int meanParameterCount() { return meanParameters; }

    /** A copy of θ. */
    public double[] parameters() { return theta.clone(); }

    /** Sets θ. */
    public void setParameters(double[] values) {
        if (values.length != theta.length) {
            throw new IllegalArgumentException("θ has " + values.length + " entries, the policy " + theta.length);
        }
        System.arraycopy(values, 0, theta, 0, theta.length);
    }

    /** log σ of action dimension {@code d}. */
    public double logStd(int d) { return theta[meanParameters + d]; }

    /** Sets every log σ to {@code value} (ME-TRPO resets it to 0 at the start of each policy phase). */
    public void resetLogStd(double value) {
        Arrays.fill(theta, meanParameters, theta.length, value);
    }

    /** A copy with the same θ. */
    public GaussianMlpPolicy copy() {
        GaussianMlpPolicy p = new GaussianMlpPolicy(sizes);
        p.setParameters(theta);
        return p;
    }

    /** μ_θ(s). */
    public double[] mean(double[] s) {
        return forward(s)[sizes.length - 1];
    }

    /** An action drawn from π_θ(· | s). */
    public double[] sample(double[] s, RandomGenerator rng) {
        double[] mu = mean(s);
        for (int d = 0; d < mu.length; d++) mu[d] += Math.exp(logStd(d)) * rng.nextGaussian();
        return mu;
    }

    /** log π_θ(a | s) = Σ_d [−(a_d − μ_d)² / (2σ_d²) − log σ_d − ½ log 2π]. */
    public double logProbability(double[] s, double[] a) {
        double[] mu = mean(s);
        double sum = 0;
        for (int d = 0; d < mu.length; d++) {
            double z = (a[d] - mu[d]) * Math.exp(-logStd(d));
            sum += -0.5 * z * z - logStd(d) - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }

    /** The activations of every layer at {@code s} (see {@link #activations}). */
    private double[][] forward(double[] s) {
        int layers = sizes.length - 1;
        double[][] x = new double[layers + 1][];
        x[0] = s;
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] h = x[l];
            double[] z = new double[out];
            for (int o = 0; o < out; o++) {
                double sum = theta[biasAt[l] + o];
                int row = weightAt[l] + o * in;
                for (int i = 0; i < in; i++) sum += theta[row + i] * h[i];
                z[o] = l < layers - 1 ? Math.tanh(sum) : sum;
            }
            x[l + 1] = z;
        }
        return x;
    }

    /**
     * The activations of every layer at {@code s}: entry 0 is s, then the hidden layers after tanh, and
     * last μ_θ(s). TRPO computes them once per state and update, and hands them to
     * {@link #jacobianTimes(double[][], double[])} and {@link #addJacobianTransposeTimes(double[][], double[],
     * double[])} on every conjugate-gradient iteration, where θ does not change.
     */
    public double[][] activations(double[] s) {
        return forward(s);
    }

    /** J v: how μ_θ(s) moves when θ's mean part moves along {@code v} (entries past the mean part are ignored). */
    public double[] jacobianTimes(double[] s, double[] v) {
        return jacobianTimes(activations(s), v);
    }

    /** J v at the state whose {@link #activations} are {@code x}. */
    public double[] jacobianTimes(double[][] x, double[] v) {
        int layers = sizes.length - 1;
        double[] tangent = null; // the input does not move with θ
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] dz = new double[out];
            double[] h = x[l];
            for (int o = 0; o < out; o++) {
                double sum = v[biasAt[l] + o];
                int row = weightAt[l] + o * in;
                if (tangent == null) {
                    for (int i = 0; i < in; i++) sum += v[row + i] * h[i];
                } else {
                    for (int i = 0; i < in; i++) sum += v[row + i] * h[i] + theta[row + i] * tangent[i];
                }
                dz[o] = l < layers - 1 ? sum * (1 - x[l + 1][o] * x[l + 1][o]) : sum; // through tanh
            }
            tangent = dz;
        }
        return tangent;
    }

    /**
     * Jᵀ u added into {@code gradient}: the gradient of uᵀ μ_θ(s) with respect to θ's mean part, by
     * backpropagation.
     */
    public void addJacobianTransposeTimes(double[] s, double[] u, double[] gradient) {
        addJacobianTransposeTimes(activations(s), u, gradient);
    }

    /** Jᵀ u added into {@code gradient}, at the state whose {@link #activations} are {@code x}. */
    public void addJacobianTransposeTimes(double[][] x, double[] u, double[] gradient) {
        int layers = sizes.length - 1;
        double[] delta = u; // ∂(uᵀμ)/∂z of the last (linear) layer; only read
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] h = x[l];
            double[] back = l > 0 ? new double[in] : null;
            for (int o = 0; o < out; o++) {
                double d = delta[o];
                gradient[biasAt[l] + o] += d;
                int row = weightAt[l] + o * in;
                if (back == null) {
                    for (int i = 0; i < in; i++) gradient[row + i] += d * h[i];
                } else {
                    for (int i = 0; i < in; i++) {
                        gradient[row + i] += d * h[i];
                        back[i] += d * theta[row + i];
                    }
                }
            }
            if (back != null) {
                for (int i = 0; i < in; i++) back[i] *= 1 - h[i] * h[i]; // through tanh
            }
            delta = back;
        }
    }
}
