package org.mbrllab.engine.nn;

import java.nio.FloatBuffer;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: a method for stochastic optimization", Algorithm 1, with the bias
 * correction folded into the step size as in its section 2), the same rule as ND4J's {@code Adam}:
 * <pre>
 *   m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²
 *   α_t = α √(1 − β₂ᵗ) / (1 − β₁ᵗ)     θ ← θ − α_t m / (√v + ε)          (t = 1, 2, …)
 * </pre>
 * SameDiff hands each parameter's gradient g (from autodiff) to {@link #instantiate its updater}, which
 * turns it in place into the step α_t m / (√v + ε); SameDiff then subtracts it. The arithmetic runs in a
 * plain Java loop over float arrays instead of libnd4j's {@code adam_updater} op, because that op took
 * 1.3 ms for 200,000 parameters (6.5 ns each), a sixth of a training step of the benchmark ensemble;
 * this loop takes a few tenths of a millisecond. m and v live in Java arrays; they are not saved with the
 * graph (we never save graphs).
 */
final class AdamInJava implements IUpdater {
    private static final long serialVersionUID = 1L;

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private double learningRate;

    AdamInJava(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public long stateSize(long numParams) {
        return 0;
    }

    @Override
    public GradientUpdater<AdamInJava> instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new Updater(this);
    }

    @Override
    public GradientUpdater<AdamInJava> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return new Updater(this);
    }

    @Override
    public IUpdater clone() {
        return new AdamInJava(learningRate);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        if (schedule != null) throw new UnsupportedOperationException("no learning-rate schedules");
        this.learningRate = lr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdamInJava a && a.learningRate == learningRate;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(learningRate);
    }

    /** The state of one parameter array: its moments m and v, and a work array for g. */
    private static final class Updater implements GradientUpdater<AdamInJava>, SteppingUpdater {
        private final AdamInJava config;
        private float[] m;
        private float[] v;
        private float[] g;
        /** A work array for θ. */
        private float[] p;

        Updater(AdamInJava config) {
            this.config = config;
        }

        @Override
        public AdamInJava getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            throw new UnsupportedOperationException("the Adam state is not restored from arrays");
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of();
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            // State lives in Java arrays, sized on the first gradient.
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            int n = (int) gradient.length();
            // 1. g out of native memory, 2. the moments and the step, written over g.
            load(gradient, n);
            moments(n, iteration);
            // 3. The step back into the gradient array, which SameDiff subtracts from the parameter.
            if (dense(gradient, n)) {
                gradient.data().asNioFloat().put(0, g, 0, n);
            } else {
                gradient.assign(Nd4j.create(g, gradient.shape(), 'c'));
            }
        }

        /**
         * The same step, and θ ← θ − Δ in the same pass: θ comes out of native memory and goes back, instead
         * of Δ going back into the gradient array for a subtraction of its own (the same float arithmetic, so
         * the same numbers). Used by {@link FixedTrainingStep}; a θ that is not plain, dense float takes the
         * two steps.
         */
        @Override
        public void step(INDArray theta, INDArray gradient, int iteration) {
            int n = (int) gradient.length();
            if (!dense(theta, n) || !dense(gradient, n)) {
                applyUpdater(gradient, iteration, 0);
                theta.subi(gradient);
                return;
            }
            load(gradient, n);
            moments(n, iteration);
            if (p == null) p = new float[n];
            FloatBuffer parameters = theta.data().asNioFloat();
            parameters.get(0, p, 0, n);
            for (int i = 0; i < n; i++) p[i] -= g[i];
            parameters.put(0, p, 0, n);
        }

        private static boolean dense(INDArray a, int n) {
            return a.dataType() == DataType.FLOAT && !a.isView() && a.ordering() == 'c' && a.data().length() == n;
        }

        /** g out of native memory (in bulk when the array is plain, dense float). */
        private void load(INDArray gradient, int n) {
            if (m == null) {
                m = new float[n];
                v = new float[n];
                g = new float[n];
            }
            if (dense(gradient, n)) {
                gradient.data().asNioFloat().get(0, g, 0, n);
            } else {
                float[] copy = gradient.dup('c').data().asFloat();
                System.arraycopy(copy, 0, g, 0, n);
            }
        }

        /** The moments m and v of step t = iteration + 1, and the step α_t m / (√v + ε) written over g. */
        private void moments(int n, int iteration) {
            int t = iteration + 1;
            double alpha = config.learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            float b1 = (float) BETA1;
            float b2 = (float) BETA2;
            float c1 = (float) (1 - BETA1);
            float c2 = (float) (1 - BETA2);
            float a = (float) alpha;
            float eps = (float) EPSILON;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + c1 * gi;
                float vi = b2 * v[i] + c2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                g[i] = a * mi / ((float) Math.sqrt(vi) + eps);
            }
        }
    }
}
