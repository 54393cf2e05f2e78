package org.mbrllab.engine.nn;

/** The nonlinearity of the hidden layers. */
public enum Activation {
    /** max(0, x). Pieces of lines: outside the data a ReLU net extrapolates linearly, and members disagree. */
    RELU("ReLU"),
    /** tanh(x). Saturates: outside the data a tanh net levels off. */
    TANH("tanh"),
    /** x·σ(x) (SiLU, "swish"), the activation of PETS. Smooth, and linear far out like ReLU. */
    SWISH("swish");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** The display name. */
    @Override
    public String toString() {
        return label;
    }
}
