package org.mbrllab.engine.worldmodels;

/**
 * One epoch of {@link VaeTrainer}.
 *
 * @param epoch          1, 2, …
 * @param reconstruction the training frames' mean binary cross-entropy, nats per frame (summed over pixels),
 *                       averaged over the epoch's batches before each step
 * @param kl             the training frames' mean KL(q(z|x) ‖ N(0, I)), nats per frame, before the free-bits floor
 * @param heldOutMse     the mean squared error per pixel of the frozen V's reconstruction (z = μ) of the
 *                       held-out frames after the epoch; NaN without held-out frames
 */
public record VaeEpoch(int epoch, double reconstruction, double kl, double heldOutMse) {}
