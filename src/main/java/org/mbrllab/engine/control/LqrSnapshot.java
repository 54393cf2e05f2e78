package org.mbrllab.engine.control;

import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;

/**
 * What the LQR view draws, copied off the worker. The records and trajectories are immutable; the arrays
 * belong to this snapshot: read them, don't change them.
 *
 * @param system        which system
 * @param plant         the nonlinear plant the controller acts on (its constants size the drawing)
 * @param cost          the cost whose weights gave K
 * @param step          steps since the start, t
 * @param state         x_t
 * @param control       u_{t−1}, the last control applied (0 before the first step)
 * @param history       the run so far, from step {@code historyStart} on (at most two segments' worth)
 * @param historyStart  the step of {@code history}'s first state
 * @param linearization A and B about upright
 * @param gain          the infinite-horizon gain K with its eigenvalues and Riccati iterations; null if
 *                      the Riccati recursion failed
 * @param finiteGains   K_t's rows for t = 0 … T−1 when the finite horizon is chosen, else null
 * @param loopEigenvalues the eigenvalues of A − B·K for the gain acting now (K_t for the finite horizon), as
 *                      [re, im] pairs; empty without a gain
 * @param prediction    the states the linear model predicts under the controller from x_t on, x_{t+1} …
 *                      (the ghosts ahead)
 * @param problem       why no gain could be computed, or empty
 */
public record LqrSnapshot(ControlSystem system, Dynamics plant, QuadraticCost cost, int step, double[] state, double control,
                   Trajectory history, int historyStart, Linearization linearization, LqrGain gain,
                   double[][] finiteGains, double[][] loopEigenvalues, double[][] prediction, String problem) {

    /** max |λ| of the closed loop acting now. */
    public double spectralRadius() {
        double max = 0;
        for (double[] e : loopEigenvalues) max = Math.max(max, Math.hypot(e[0], e[1]));
        return max;
    }

    public boolean finite() {
        return finiteGains != null;
    }

    /** The gain acting now: K_t for the finite horizon (the last one past its end), else K; null if none. */
    public double[] currentGain() {
        if (finiteGains != null) return finiteGains[Math.min(step, finiteGains.length - 1)];
        return gain == null ? null : gain.k()[0];
    }

    /** t in seconds. */
    public double time() {
        return step * plant.timeStep();
    }
}
