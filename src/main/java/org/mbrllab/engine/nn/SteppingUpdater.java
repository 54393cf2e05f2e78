package org.mbrllab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An updater that also takes its step: from the gradient g it makes the step Δ and sets θ ← θ − Δ, instead of
 * leaving Δ in g for the caller to subtract. {@link FixedTrainingStep} uses it where the updater offers it.
 */
interface SteppingUpdater {

    /**
     * @param theta     the parameter, updated in place
     * @param gradient  its gradient; its contents afterwards are undefined
     * @param iteration the step's iteration, from 0
     */
    void step(INDArray theta, INDArray gradient, int iteration);
}
