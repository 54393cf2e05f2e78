package org.mbrllab.engine.worldmodels;

import org.mbrllab.engine.nn.VaeGraph;

/**
 * An immutable copy of a trained V ({@link VaeGraph}): the encoder's mean and the decoder, run in plain
 * Java. Made by {@link VaeTrainer#freeze()}.
 *
 * <p>Why a second forward pass: a dream rollout decodes one latent per step, a viewer one per frame, and
 * the controller's evaluation encodes one frame per step of every episode. A SameDiff call costs about
 * 17 µs per op whatever the tensor's size (STACK.md), so these single-frame calls would be all overhead;
 * here they are a few matrix-vector products. Being immutable it can be handed to another thread.
 * {@code FrozenVaeTest} checks that both passes give the same numbers.
 *
 * <h2>The pass (float32, as the graph)</h2>
 * <pre>
 *   encodeMean:  h = relu(x W_e + b_e),  μ = h W_μ + b_μ      (log σ² = h W_v + b_v, if asked)
 *   decode:      g = relu(z W_d + b_d),  x̂ = sigmoid(g W_o + b_o)
 * </pre>
 * No sampling: the controller of World Models sees z = μ for real frames, and M's dreams are decoded as
 * they are.
 */
public final class FrozenVae {
    private final int pixels;
    private final int hidden;
    private final int latent;
    /** In {@link VaeGraph#ORDER} order, matrices row-major (fan-in, fan-out). */
    private final float[] encW;
    private final float[] encB;
    private final float[] muW;
    private final float[] muB;
    private final float[] lvW;
    private final float[] lvB;
    private final float[] decW;
    private final float[] decB;
    private final float[] outW;
    private final float[] outB;

    /** @param weights the ten arrays of {@link VaeGraph#weights()}, not copied (the caller gives up its own copy) */
    FrozenVae(int pixels, int hidden, int latent, float[][] weights) {
        if (weights.length != 10) throw new IllegalArgumentException(weights.length + " weight arrays, expected 10");
        this.pixels = pixels;
        this.hidden = hidden;
        this.latent = latent;
        encW = size(weights[0], pixels * hidden, "enc_w");
        encB = size(weights[1], hidden, "enc_b");
        muW = size(weights[2], hidden * latent, "mu_w");
        muB = size(weights[3], latent, "mu_b");
        lvW = size(weights[4], hidden * latent, "logvar_w");
        lvB = size(weights[5], latent, "logvar_b");
        decW = size(weights[6], latent * hidden, "dec_w");
        decB = size(weights[7], hidden, "dec_b");
        outW = size(weights[8], hidden * pixels, "out_w");
        outB = size(weights[9], pixels, "out_b");
    }

    private static float[] size(float[] a, int n, String name) {
        if (a.length != n) throw new IllegalArgumentException(name + " has " + a.length + " weights, expected " + n);
        return a;
    }

    /** Copies of the ten weight arrays, in {@link VaeGraph#ORDER} order (what the constructor takes). */
    float[][] weights() {
        return new float[][] {encW.clone(), encB.clone(), muW.clone(), muB.clone(), lvW.clone(), lvB.clone(),
                decW.clone(), decB.clone(), outW.clone(), outB.clone()};
    }

    /** P, pixels per frame. */
    public int pixels() {
        return pixels;
    }

    /** Z, the latent size. */
    public int latent() {
        return latent;
    }

    public int hiddenUnits() {
        return hidden;
    }

    /** μ(x), the encoder's mean for one frame of {@link #pixels()} values, into {@code mu} (Z values). */
    public void encodeMean(float[] frame, float[] mu) {
        encode(frame, mu, null);
    }

    /** μ(x) as a new array. */
    public float[] encodeMean(float[] frame) {
        float[] mu = new float[latent];
        encode(frame, mu, null);
        return mu;
    }

    /**
     * μ(x) of many frames: {@code frames} row-major (n × P), the result (n × Z). What M is trained on (the
     * latents of every frame of the rollouts, as World Models precomputes them).
     */
    public float[] encodeMeans(float[] frames) {
        if (frames.length % pixels != 0) {
            throw new IllegalArgumentException(frames.length + " values are not whole frames of " + pixels);
        }
        int n = frames.length / pixels;
        float[] x = new float[pixels];
        float[] mu = new float[latent];
        float[] all = new float[n * latent];
        for (int f = 0; f < n; f++) {
            System.arraycopy(frames, f * pixels, x, 0, pixels);
            encodeMean(x, mu);
            System.arraycopy(mu, 0, all, f * latent, latent);
        }
        return all;
    }

    /** μ(x) and log σ²(x) for one frame; {@code logVar} may be null. */
    public void encode(float[] frame, float[] mu, float[] logVar) {
        PlainLayers.check(frame.length, pixels, "frame");
        PlainLayers.check(mu.length, latent, "mu");
        if (logVar != null) PlainLayers.check(logVar.length, latent, "logVar");
        float[] h = new float[hidden];
        PlainLayers.dense(frame, encW, encB, pixels, hidden, h);
        for (int j = 0; j < hidden; j++) if (h[j] < 0) h[j] = 0;
        PlainLayers.dense(h, muW, muB, hidden, latent, mu);
        if (logVar != null) PlainLayers.dense(h, lvW, lvB, hidden, latent, logVar);
    }

    /** x̂(z), the decoder's pixel values in (0, 1) for one latent of Z values, into {@code frame}. */
    public void decode(float[] z, float[] frame) {
        PlainLayers.check(z.length, latent, "z");
        PlainLayers.check(frame.length, pixels, "frame");
        float[] g = new float[hidden];
        PlainLayers.dense(z, decW, decB, latent, hidden, g);
        for (int j = 0; j < hidden; j++) if (g[j] < 0) g[j] = 0;
        PlainLayers.dense(g, outW, outB, hidden, pixels, frame);
        for (int i = 0; i < pixels; i++) frame[i] = (float) (1 / (1 + Math.exp(-frame[i])));
    }

    /** x̂(z) as a new array. */
    public float[] decode(float[] z) {
        float[] frame = new float[pixels];
        decode(z, frame);
        return frame;
    }

    /**
     * The mean squared error per pixel of decode(encodeMean(x)) against x, over {@code frames} (row-major,
     * frames × P): how well V keeps what it sees.
     */
    public double reconstructionMse(float[] frames) {
        if (frames.length == 0 || frames.length % pixels != 0) {
            throw new IllegalArgumentException(frames.length + " values are not whole frames of " + pixels);
        }
        int n = frames.length / pixels;
        float[] x = new float[pixels];
        float[] mu = new float[latent];
        float[] back = new float[pixels];
        double sum = 0;
        for (int f = 0; f < n; f++) {
            System.arraycopy(frames, f * pixels, x, 0, pixels);
            encodeMean(x, mu);
            decode(mu, back);
            for (int i = 0; i < pixels; i++) {
                double d = back[i] - x[i];
                sum += d * d;
            }
        }
        return sum / frames.length;
    }
}
