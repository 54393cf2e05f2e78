package org.mbrllab.engine.model;

/** What one ensemble member predicts, and so what it is trained to minimise. */
public enum MemberKind {
    /**
     * A point prediction f(x), trained by the mean squared error. It has no notion of noise: its
     * variance is 0, and an ensemble of them measures only disagreement (epistemic uncertainty).
     */
    DETERMINISTIC("deterministic (MSE)"),
    /**
     * A Gaussian N(μ(x), σ²(x)): a mean head and a log-variance head, trained by the negative
     * log-likelihood, with the log-variance bounded as in PETS (see
     * {@link org.mbrllab.engine.nn.EnsembleNetwork}). Its σ² estimates the noise in the data (aleatoric
     * uncertainty).
     */
    PROBABILISTIC("probabilistic (Gaussian NLL)");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
