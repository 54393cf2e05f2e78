package org.mbrllab.engine.control;

/**
 * Prices many control sequences at once from one state with {@link BatchDynamics#stepBatch}: all samples
 * advance one time step together, in primitive arrays, so no state is ever allocated per sample. J is
 * {@link StageCost}'s: the stage costs plus the terminal cost of x_H.
 */
final class BatchRollout {

    private final BatchDynamics model;
    private final StageCost cost;
    private final int horizon;
    private final int n;
    private double[] states;
    private double[] next;
    private double[] column;
    private double[] costs;

    BatchRollout(BatchDynamics model, StageCost cost, int horizon) {
        this.model = model;
        this.cost = cost;
        this.horizon = horizon;
        this.n = model.stateSize();
    }

    /**
     * J of each sequence: {@code controls[i*H + t]} is u_t of sequence i. Returns an array owned by this
     * object, valid until the next call.
     */
    double[] costs(double[] x0, double[] controls, int count) {
        if (costs == null || costs.length < count) {
            states = new double[count * n];
            next = new double[count * n];
            column = new double[count];
            costs = new double[count];
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(x0, 0, states, i * n, n);
            costs[i] = 0;
        }
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < count; i++) {
                double u = model.clip(controls[i * horizon + t]);
                column[i] = u;
                costs[i] += cost.stageAt(states, i * n, u);
            }
            model.stepBatch(states, column, next, count);
            double[] swap = states;
            states = next;
            next = swap;
        }
        for (int i = 0; i < count; i++) costs[i] += cost.terminalAt(states, i * n);
        return costs;
    }
}
