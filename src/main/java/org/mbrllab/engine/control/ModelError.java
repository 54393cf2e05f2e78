package org.mbrllab.engine.control;

import java.util.List;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * How far a planner's model is from the true plant: its masses and its length are the plant's times a
 * factor. (1, 1) is a perfect model. With a factor of 1.5 on the cartpole the model believes the cart and
 * the pole are half again as heavy and the pole half again as long, so a plan made on it drifts off on
 * the real plant.
 *
 * @param massFactor   multiplies every mass of the model (cart and pole; the pendulum's bob); no unit
 * @param lengthFactor multiplies the model's pole or pendulum length; no unit
 */
public record ModelError(double massFactor, double lengthFactor) {

    public static final ParameterSpec MASS_FACTOR = ParameterSpec.real("model_mass_factor", "model mass × ",
            0.2, 5, 1, "The planner's model has the plant's masses times this. 1 is a perfect model.");
    public static final ParameterSpec LENGTH_FACTOR = ParameterSpec.real("model_length_factor", "model length × ",
            0.2, 5, 1, "The planner's model has the plant's length times this. 1 is a perfect model.");

    /** A perfect model. */
    public static final ModelError NONE = new ModelError(1, 1);

    public ModelError {
        MASS_FACTOR.validate(massFactor);
        LENGTH_FACTOR.validate(lengthFactor);
    }

    /** The same factor on the masses and the length (what {@code --model-error f} means). */
    public static ModelError uniform(double factor) {
        return new ModelError(factor, factor);
    }

    public static List<ParameterSpec> specs() {
        return List.of(MASS_FACTOR, LENGTH_FACTOR);
    }

    public boolean isNone() {
        return massFactor == 1 && lengthFactor == 1;
    }
}
