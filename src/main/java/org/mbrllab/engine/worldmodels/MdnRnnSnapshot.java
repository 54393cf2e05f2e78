package org.mbrllab.engine.worldmodels;

import java.util.List;

/**
 * What a view of M's training needs, copied. The two baselines are what M's held-out NLL must beat, in
 * the same units (nats per step and latent dimension, on the held-out sequences' real steps).
 *
 * @param epoch          epochs done
 * @param maxEpochs      the configured number of epochs
 * @param history        every epoch so far, in order
 * @param persistenceNll z_{t+1} ~ N(z_t, s_j²), s_j² the training set's mean squared change of dimension j:
 *                       "nothing moves", with the best single Gaussian for it; NaN without held-out data
 * @param marginalNll    z_{t+1} ~ N(m_j, v_j²), the training latents' mean and variance per dimension:
 *                       "no memory, no dynamics"; NaN without held-out data
 * @param done           whether training has finished
 */
public record MdnRnnSnapshot(int epoch, int maxEpochs, List<MdnRnnEpoch> history, double persistenceNll,
                             double marginalNll, boolean done) {
    public MdnRnnSnapshot {
        history = List.copyOf(history);
    }
}
