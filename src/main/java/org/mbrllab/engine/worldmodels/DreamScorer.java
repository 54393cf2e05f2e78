package org.mbrllab.engine.worldmodels;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Scores controllers inside M's dream, where no real frame is seen (Ha and Schmidhuber 2018, section 4.4,
 * and their {@code DoomCoverRNNEnv}). One dream:
 * <ol>
 *   <li>h = 0 and z = z_0, V's latent of the game's first frame;</li>
 *   <li>the controller picks a from [z, h];</li>
 *   <li>M steps: h ← GRU(h, [z, a]), then z ← a draw from M's mixture at temperature τ (logits / τ,
 *       σ·√τ; {@link FrozenMdnRnn#sample});</li>
 *   <li>if M's done logit is above 0 (p(done) &gt; ½, as their code reads it) the dream ends; otherwise it
 *       pays +1, like the real game, and goes back to 2, up to the game's cap.</li>
 * </ol>
 * A controller's score is its mean pay over {@code dreams} dreams. Every candidate of a population meets
 * the same dream seeds (common random numbers), so differences in their scores come from their actions
 * rather than from luck of the draw, as far as a stochastic dream allows.
 *
 * <p>The whole population is stepped as one batch: all candidates × dreams advance together until the
 * last one ends, each with its own random stream, on the plain-Java {@link FrozenMdnRnn.Stepper}. The
 * result does not depend on the order the batch is walked. Immutable; {@link #score} may run on any
 * thread.
 */
public final class DreamScorer {
    /** The most threads {@link #pays} shares a batch among. */
    public static final int MAX_THREADS = 64;
    private final FrozenMdnRnn m;
    private final float[] initialZ;
    private final double tau;
    private final int maxSteps;

    /**
     * @param initialZ z_0, copied
     * @param tau      τ, {@value FrozenMdnRnn#MIN_TEMPERATURE} to {@value FrozenMdnRnn#MAX_TEMPERATURE}
     * @param maxSteps the cap of a dream, as the real game's
     */
    public DreamScorer(FrozenMdnRnn m, float[] initialZ, double tau, int maxSteps) {
        this.m = Objects.requireNonNull(m, "m");
        PlainLayers.check(initialZ.length, m.latent(), "initialZ");
        Check.inRange("tau", tau, FrozenMdnRnn.MIN_TEMPERATURE, FrozenMdnRnn.MAX_TEMPERATURE);
        Check.inRange("maxSteps", maxSteps, 1, DodgeParams.MAX_STEPS);
        this.initialZ = initialZ.clone();
        this.tau = tau;
        this.maxSteps = maxSteps;
    }

    public double temperature() {
        return tau;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** The seed of dream d of a batch seeded {@code seed}: the same for every candidate. */
    static long dreamSeed(long seed, int d) {
        return seed * 1_000_003L + d;
    }

    /**
     * The mean dream pay of each controller.
     *
     * @param thetas one parameter vector per controller ({@link LinearController} layout)
     * @param dreams dreams per controller, 1 or more
     * @param seed   seeds dream d as {@code dreamSeed(seed, d)} for every controller
     * @param threads threads to share the batch, 1 to {@value #MAX_THREADS}; the scores do not depend on it
     * @return steps survived, averaged over the dreams, one per controller
     */
    public double[] score(double[][] thetas, int dreams, long seed, int threads) {
        int[] pays = pays(thetas, dreams, seed, threads);
        double[] mean = new double[thetas.length];
        for (int c = 0; c < thetas.length; c++) {
            long sum = 0;
            for (int d = 0; d < dreams; d++) sum += pays[c * dreams + d];
            mean[c] = (double) sum / dreams;
        }
        return mean;
    }

    /** The pay of every dream, on one thread: controller c's dream d at c·dreams + d. */
    public int[] pays(double[][] thetas, int dreams, long seed) {
        return pays(thetas, dreams, seed, 1);
    }

    /**
     * The pay of every dream: controller c's dream d at c·dreams + d. The batch is cut into {@code threads}
     * runs of whole rollouts, each on its own thread with its own {@link FrozenMdnRnn.Stepper}; as every
     * rollout has its own random stream, the pays are the same for any number of threads.
     *
     * @param threads 1 to {@value #MAX_THREADS}
     */
    public int[] pays(double[][] thetas, int dreams, long seed, int threads) {
        Check.inRange("dreams", dreams, 1, 100_000);
        Check.inRange("threads", threads, 1, MAX_THREADS);
        int params = LinearController.parameterCount(m.latent(), m.hiddenUnits());
        for (double[] theta : thetas) PlainLayers.check(theta.length, params, "theta");
        int batch = thetas.length * dreams;
        int[] pay = new int[batch];
        int parts = Math.min(threads, Math.max(1, batch));
        Thread[] helpers = new Thread[parts - 1];
        RuntimeException[] failure = new RuntimeException[parts];
        for (int p = 1; p < parts; p++) {
            int part = p;
            helpers[p - 1] = new Thread(() -> {
                try {
                    run(thetas, dreams, seed, pay, batch * part / parts, batch * (part + 1) / parts);
                } catch (RuntimeException e) {
                    failure[part] = e;
                }
            }, "dream-" + p);
            helpers[p - 1].setDaemon(true);
            helpers[p - 1].start();
        }
        run(thetas, dreams, seed, pay, 0, batch / parts);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                for (Thread other : helpers) other.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dreaming", e);
            }
        }
        for (RuntimeException e : failure) if (e != null) throw e;
        return pay;
    }

    /** Rollouts from (inclusive) … to (exclusive) of the batch, stepped together until the last ends. */
    private void run(double[][] thetas, int dreams, long seed, int[] pay, int from, int to) {
        int latent = m.latent();
        int hidden = m.hiddenUnits();
        int n = to - from;
        float[][] z = new float[n][];
        float[][] h = new float[n][];
        RandomGenerator[] streams = new RandomGenerator[n];
        boolean[] ended = new boolean[n];
        for (int i = 0; i < n; i++) {
            z[i] = initialZ.clone();
            h[i] = new float[hidden];
            streams[i] = Seeds.random(dreamSeed(seed, (from + i) % dreams));
        }
        FrozenMdnRnn.Stepper stepper = m.stepper();
        int running = n;
        for (int t = 0; t < maxSteps && running > 0; t++) {
            for (int i = 0; i < n; i++) {
                if (ended[i]) continue;
                double[] theta = thetas[(from + i) / dreams];
                // 2. The controller's action from [z, h].
                Dodge.Action a = LinearController.action(
                        Math.tanh(LinearController.preActivation(theta, latent, hidden, z[i], 0, h[i], 0)));
                // 3.–4. M dreams the step; it ends the dream, or pays 1.
                double doneLogit = stepper.advance(h[i], z[i], a, tau, streams[i]);
                if (doneLogit > 0) {
                    ended[i] = true;
                    running--;
                } else {
                    pay[from + i]++;
                }
            }
        }
    }
}
