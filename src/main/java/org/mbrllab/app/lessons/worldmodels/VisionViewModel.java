package org.mbrllab.app.lessons.worldmodels;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.worldmodels.Dodge;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.DodgePolicy;
import org.mbrllab.engine.worldmodels.FrozenVae;

/**
 * The V view's model: a real frame, its latent z = μ(frame), and the decoded frame x̂(z), with sliders on
 * {@value #SLIDERS} of z's dimensions over the paper's ±{@value #RANGE}. A slider sets its dimension of z
 * and the frame is decoded again at once (a decode is two small matrix products, so it runs on the FX
 * thread). The sliders move the dimensions V uses most: with free bits many dimensions of a VAE carry
 * nothing (their μ stays near 0 for every frame), and a slider on one of those would change nothing.
 */
final class VisionViewModel {
    /** Sliders shown. */
    static final int SLIDERS = 8;
    /** Each slider's range, ±: the interactive article's. */
    static final double RANGE = 2.5;
    /** Real frames whose latents rank the dimensions. */
    private static final int RANKING_FRAMES = 400;

    private final ReadOnlyObjectWrapper<float[]> frame = new ReadOnlyObjectWrapper<>(this, "frame", new float[Dodge.PIXELS]);
    private final ReadOnlyObjectWrapper<float[]> latent = new ReadOnlyObjectWrapper<>(this, "latent", new float[0]);
    private final ReadOnlyObjectWrapper<float[]> decoded = new ReadOnlyObjectWrapper<>(this, "decoded", new float[Dodge.PIXELS]);
    private final DoubleProperty[] sliders = new DoubleProperty[SLIDERS];
    private final RandomGenerator random;
    private FrozenVae v;
    private int[] dimensions = new int[0];
    private float[] z = new float[0];
    private boolean syncing;

    VisionViewModel(long seed) {
        random = Seeds.random(seed);
        for (int i = 0; i < SLIDERS; i++) {
            int k = i;
            sliders[i] = new SimpleDoubleProperty(this, "z" + i, 0);
            sliders[i].addListener((obs, o, n) -> {
                if (!syncing) setDimension(k, n.doubleValue());
            });
        }
    }

    ReadOnlyObjectProperty<float[]> frameProperty() { return frame.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<float[]> latentProperty() { return latent.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<float[]> decodedProperty() { return decoded.getReadOnlyProperty(); }

    /** Slider i's value: dimension {@link #dimension(int)} of z. */
    DoubleProperty slider(int i) {
        return sliders[i];
    }

    /** The dimension of z slider i moves; −1 when V has fewer dimensions than sliders. */
    int dimension(int i) {
        return i < dimensions.length ? dimensions[i] : -1;
    }

    /** Uses {@code vae} (null: none) and shows a new real frame through it. */
    void use(FrozenVae vae) {
        this.v = vae;
        dimensions = vae == null ? new int[0] : mostUsed(vae, RANKING_FRAMES, random.nextLong());
        randomFrame();
    }

    /** A frame of a real game after a random number of random steps, encoded and decoded. */
    void randomFrame() {
        Dodge game = new Dodge(DodgeParams.defaults(), random.nextLong());
        DodgePolicy policy = DodgePolicy.random();
        int steps = 6 + random.nextInt(30);
        for (int t = 0; t < steps && !game.isDone(); t++) game.step(policy.act(game, random));
        float[] f = new float[Dodge.PIXELS];
        game.render(f);
        frame.set(f);
        z = v == null ? new float[0] : v.encodeMean(f);
        decode();
    }

    /** A latent drawn from V's prior N(0, I) (no real frame behind it), decoded. */
    void randomZ() {
        if (v == null) return;
        for (int j = 0; j < z.length; j++) z[j] = (float) random.nextGaussian();
        decode();
    }

    /** Sets z's dimension of slider i to {@code value} and decodes. */
    void setDimension(int i, double value) {
        if (v == null || i >= dimensions.length) return;
        z[dimensions[i]] = (float) value;
        decode();
    }

    /** The mean squared error per pixel between the real frame and the decoded one. */
    double error() {
        float[] a = frame.get();
        float[] b = decoded.get();
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum / a.length;
    }

    private void decode() {
        latent.set(z.clone());
        decoded.set(v == null ? new float[Dodge.PIXELS] : v.decode(z));
        syncing = true;
        try {
            for (int i = 0; i < SLIDERS; i++) {
                double value = i < dimensions.length ? z[dimensions[i]] : 0;
                sliders[i].set(Math.max(-RANGE, Math.min(RANGE, value)));
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * The {@value #SLIDERS} dimensions of z whose μ varies most over real frames of random play, largest
     * first (all of them, in order, if V has no more).
     */
    static int[] mostUsed(FrozenVae v, int frames, long seed) {
        int latent = v.latent();
        double[] sum = new double[latent];
        double[] square = new double[latent];
        RandomGenerator r = Seeds.random(seed);
        Dodge game = new Dodge(DodgeParams.defaults(), r.nextLong());
        DodgePolicy policy = DodgePolicy.random();
        float[] f = new float[Dodge.PIXELS];
        float[] mu = new float[latent];
        for (int n = 0; n < frames; n++) {
            if (game.isDone()) game.reset(r.nextLong());
            game.render(f);
            v.encodeMean(f, mu);
            for (int j = 0; j < latent; j++) {
                sum[j] += mu[j];
                square[j] += (double) mu[j] * mu[j];
            }
            game.step(policy.act(game, r));
        }
        Integer[] order = new Integer[latent];
        double[] variance = new double[latent];
        for (int j = 0; j < latent; j++) {
            order[j] = j;
            variance[j] = square[j] / frames - (sum[j] / frames) * (sum[j] / frames);
        }
        Arrays.sort(order, (a, b) -> Double.compare(variance[b], variance[a]));
        int n = Math.min(SLIDERS, latent);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = order[i];
        return out;
    }
}
