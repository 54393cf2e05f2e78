package org.mbrllab.engine.worldmodels;

import java.util.Arrays;

/**
 * C, the controller of World Models: one linear unit on the latent z and M's hidden state h,
 * <pre>
 *   o = tanh(w · [z, h] + b),     a = LEFT if o &lt; −1/3,  RIGHT if o &gt; 1/3,  STAY otherwise
 * </pre>
 * as Ha and Schmidhuber (2018, section 4.2) do for their "take cover" experiment: the controller is
 * deliberately tiny (here Z + H + 1 = 97 numbers for the lesson's V and M), so that everything it knows
 * about the game must come from V's and M's features, and so that an evolution strategy can search its
 * weights directly. The three-way split of one output into left, stay and right follows their code
 * ({@code doomrnn.py}, whose real environment reads the action's sign against a dead zone of ±1/3).
 *
 * <p>Immutable; the parameter vector is copied in and out.
 */
public final class LinearController {
    /** |o| below this means STAY. */
    public static final double DEAD_ZONE = 1.0 / 3.0;

    private final int latent;
    private final int hidden;
    /** w (Z + H values, z's first), then b. */
    private final double[] theta;

    /**
     * @param theta Z + H + 1 numbers: the weights on z, the weights on h, then the bias
     */
    public LinearController(int latent, int hidden, double[] theta) {
        if (latent < 1 || hidden < 0) throw new IllegalArgumentException("latent " + latent + ", hidden " + hidden);
        PlainLayers.check(theta.length, parameterCount(latent, hidden), "theta");
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) throw new IllegalArgumentException("theta[" + i + "] is " + theta[i]);
        }
        this.latent = latent;
        this.hidden = hidden;
        this.theta = theta.clone();
    }

    /** Z + H + 1: how many numbers a controller for latents of Z and hidden states of H has. */
    public static int parameterCount(int latent, int hidden) {
        return latent + hidden + 1;
    }

    /** The controller that always answers STAY (all zeros). */
    public static LinearController zero(int latent, int hidden) {
        return new LinearController(latent, hidden, new double[parameterCount(latent, hidden)]);
    }

    public int latent() {
        return latent;
    }

    public int hiddenUnits() {
        return hidden;
    }

    /** A copy of the parameters (w on z, w on h, b). */
    public double[] parameters() {
        return theta.clone();
    }

    /** o = tanh(w · [z, h] + b), in (−1, 1). */
    public double output(float[] z, float[] h) {
        PlainLayers.check(z.length, latent, "z");
        PlainLayers.check(h.length, hidden, "h");
        return Math.tanh(preActivation(theta, latent, hidden, z, 0, h, 0));
    }

    /** The action for latent z and hidden state h. */
    public Dodge.Action act(float[] z, float[] h) {
        return action(output(z, h));
    }

    /** The action an output o in (−1, 1) stands for. */
    public static Dodge.Action action(double o) {
        if (o < -DEAD_ZONE) return Dodge.Action.LEFT;
        if (o > DEAD_ZONE) return Dodge.Action.RIGHT;
        return Dodge.Action.STAY;
    }

    /** w · [z, h] + b for parameters {@code theta}, with z and h read from offsets of larger arrays. */
    static double preActivation(double[] theta, int latent, int hidden, float[] z, int zAt, float[] h, int hAt) {
        double s = theta[latent + hidden];
        for (int j = 0; j < latent; j++) s += theta[j] * z[zAt + j];
        for (int k = 0; k < hidden; k++) s += theta[latent + k] * h[hAt + k];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearController c && c.latent == latent && c.hidden == hidden && Arrays.equals(c.theta, theta);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * latent + hidden) + Arrays.hashCode(theta);
    }
}
