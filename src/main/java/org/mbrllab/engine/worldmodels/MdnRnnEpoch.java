package org.mbrllab.engine.worldmodels;

/**
 * One epoch of {@link MdnRnnTrainer}. NLLs are in nats per step and latent dimension (a density, so they
 * may be negative); BCEs in nats per step.
 *
 * @param epoch       1, 2, …
 * @param trainNll    the training sequences' mean −log p(z_{t+1} | …), averaged over the epoch's batches
 *                    before each step
 * @param trainBce    the training sequences' mean cross-entropy of the done flag, likewise
 * @param heldOutNll  the held-out sequences' mean −log p(z_{t+1} | …) after the epoch; NaN without them
 * @param heldOutBce  the held-out sequences' mean done cross-entropy after the epoch; NaN without them
 */
public record MdnRnnEpoch(int epoch, double trainNll, double trainBce, double heldOutNll, double heldOutBce) {}
