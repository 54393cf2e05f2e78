package org.mbrllab.engine.control;

import java.util.List;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The numbers of a {@link Cartpole}. The defaults of the specs below are Gymnasium CartPole-v1's
 * constants, and this is the only place they are written down. The compact constructor checks every
 * field against its spec and throws an exception naming the field, the value and the range.
 *
 * @param gravity    g, in m/s²
 * @param cartMass   m_c, the cart's mass, in kg
 * @param poleMass   m_p, the pole's mass, in kg
 * @param halfLength l, half the pole's length (pivot to centre of mass), in m
 * @param tau        τ, the Euler step, in s
 * @param forceLimit the largest |F| that acts, in N; {@link Double#POSITIVE_INFINITY} for none. Gymnasium's
 *                   agent pushes with exactly ±10 N (bang-bang); here the force is continuous and 10 N is
 *                   its default limit.
 */
public record CartpoleParams(double gravity, double cartMass, double poleMass, double halfLength, double tau,
                             double forceLimit) {

    public static final ParameterSpec GRAVITY = ParameterSpec.real("gravity", "g (m/s²)", 0, 50, 9.8,
            "Gravitational acceleration. It pulls the pole away from upright.");
    public static final ParameterSpec CART_MASS = ParameterSpec.real("cart_mass", "cart mass (kg)", 0.01, 100, 1.0,
            "Mass of the cart. A heavier cart needs more force for the same push.");
    public static final ParameterSpec POLE_MASS = ParameterSpec.real("pole_mass", "pole mass (kg)", 0.001, 100, 0.1,
            "Mass of the pole, spread evenly along it.");
    public static final ParameterSpec HALF_LENGTH = ParameterSpec.real("half_length", "pole half-length (m)",
            0.01, 10, 0.5, "From the pivot to the pole's centre of mass. A longer pole falls more slowly.");
    public static final ParameterSpec TAU = ParameterSpec.real("tau", "τ, time step (s)", 0.001, 0.1, 0.02,
            "Length of one explicit Euler step.");
    public static final ParameterSpec FORCE_LIMIT = ParameterSpec.real("force_limit", "force limit (N)", 0.1, 1000,
            10, "Largest force the motor can push with; larger commands are clipped. Gymnasium's agent always "
                    + "pushes with exactly this much.");

    private static final List<ParameterSpec> SPECS = List.of(GRAVITY, CART_MASS, POLE_MASS, HALF_LENGTH, TAU, FORCE_LIMIT);

    public CartpoleParams {
        GRAVITY.validate(gravity);
        CART_MASS.validate(cartMass);
        POLE_MASS.validate(poleMass);
        HALF_LENGTH.validate(halfLength);
        TAU.validate(tau);
        validateLimit(FORCE_LIMIT, forceLimit);
    }

    /** Gymnasium CartPole-v1: every spec at its default, so a 10 N force limit. */
    public static CartpoleParams gymnasium() {
        return new CartpoleParams(GRAVITY.defaultValue(), CART_MASS.defaultValue(), POLE_MASS.defaultValue(),
                HALF_LENGTH.defaultValue(), TAU.defaultValue(), FORCE_LIMIT.defaultValue());
    }

    public static List<ParameterSpec> specs() {
        return SPECS;
    }

    /** The spec with {@code key}, or an exception listing the keys. */
    public static ParameterSpec spec(String key) {
        return find(SPECS, key, "cartpole");
    }

    /** The value of the parameter {@code key}. */
    public double get(String key) {
        return switch (spec(key).key()) {
            case "gravity" -> gravity;
            case "cart_mass" -> cartMass;
            case "pole_mass" -> poleMass;
            case "half_length" -> halfLength;
            case "tau" -> tau;
            default -> forceLimit;
        };
    }

    /** A copy with {@code key} set to {@code value}, checked against its range. */
    public CartpoleParams with(String key, double value) {
        return switch (spec(key).key()) {
            case "gravity" -> new CartpoleParams(value, cartMass, poleMass, halfLength, tau, forceLimit);
            case "cart_mass" -> new CartpoleParams(gravity, value, poleMass, halfLength, tau, forceLimit);
            case "pole_mass" -> new CartpoleParams(gravity, cartMass, value, halfLength, tau, forceLimit);
            case "half_length" -> new CartpoleParams(gravity, cartMass, poleMass, value, tau, forceLimit);
            case "tau" -> new CartpoleParams(gravity, cartMass, poleMass, halfLength, value, forceLimit);
            default -> new CartpoleParams(gravity, cartMass, poleMass, halfLength, tau, value);
        };
    }

    /** The same cartpole with masses and half-length scaled, for a planner's wrong model. */
    public CartpoleParams scaled(ModelError error) {
        return new CartpoleParams(gravity, cartMass * error.massFactor(), poleMass * error.massFactor(),
                halfLength * error.lengthFactor(), tau, forceLimit);
    }

    /** A limit is either +∞ (none) or inside its spec's range. */
    static void validateLimit(ParameterSpec spec, double limit) {
        if (limit != Double.POSITIVE_INFINITY) spec.validate(limit);
    }

    static ParameterSpec find(List<ParameterSpec> specs, String key, String system) {
        for (ParameterSpec s : specs) {
            if (s.key().equals(key)) return s;
        }
        throw new IllegalArgumentException("unknown " + system + " parameter '" + key + "' (allowed: "
                + String.join(", ", specs.stream().map(ParameterSpec::key).toList()) + ")");
    }

    @Override
    public String toString() {
        return "cartpole g " + Format.number(gravity) + " m/s², cart " + Format.number(cartMass) + " kg, pole "
                + Format.number(poleMass) + " kg, half-length " + Format.number(halfLength) + " m, τ "
                + Format.number(tau) + " s, force limit " + Format.number(forceLimit) + " N";
    }
}
