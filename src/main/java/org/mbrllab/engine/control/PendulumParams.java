package org.mbrllab.engine.control;

import java.util.List;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The numbers of a {@link Pendulum}. The defaults of the specs below are Gymnasium Pendulum-v1's
 * constants, and this is the only place they are written down. The compact constructor checks every
 * field against its spec.
 *
 * @param gravity   g, in m/s²
 * @param mass      m, the rod's mass, in kg
 * @param length    l, the rod's length, in m
 * @param dt        the step, in s
 * @param maxTorque the largest |u| that acts, in N·m; {@link Double#POSITIVE_INFINITY} for none
 * @param maxSpeed  the angular speed is clipped to ±this after every step, in rad/s;
 *                  {@link Double#POSITIVE_INFINITY} for none
 */
public record PendulumParams(double gravity, double mass, double length, double dt, double maxTorque,
                             double maxSpeed) {

    public static final ParameterSpec GRAVITY = ParameterSpec.real("gravity", "g (m/s²)", 0, 50, 10.0,
            "Gravitational acceleration. It pulls the pendulum away from upright.");
    public static final ParameterSpec MASS = ParameterSpec.real("mass", "mass (kg)", 0.01, 100, 1.0,
            "Mass of the rod. A heavier rod turns less for the same torque.");
    public static final ParameterSpec LENGTH = ParameterSpec.real("length", "length (m)", 0.01, 10, 1.0,
            "Length of the rod. A longer rod falls more slowly.");
    public static final ParameterSpec DT = ParameterSpec.real("dt", "dt, time step (s)", 0.001, 0.2, 0.05,
            "Length of one semi-implicit Euler step.");
    public static final ParameterSpec MAX_TORQUE = ParameterSpec.real("max_torque", "torque limit (N·m)", 0.01, 1000,
            2.0, "Largest torque the motor gives; larger commands are clipped. At 2 N·m it cannot lift the "
                    + "pendulum straight up and must swing it.");
    public static final ParameterSpec MAX_SPEED = ParameterSpec.real("max_speed", "speed limit (rad/s)", 0.1, 1000,
            8.0, "The angular speed is clipped to this after every step.");

    private static final List<ParameterSpec> SPECS = List.of(GRAVITY, MASS, LENGTH, DT, MAX_TORQUE, MAX_SPEED);

    public PendulumParams {
        GRAVITY.validate(gravity);
        MASS.validate(mass);
        LENGTH.validate(length);
        DT.validate(dt);
        CartpoleParams.validateLimit(MAX_TORQUE, maxTorque);
        CartpoleParams.validateLimit(MAX_SPEED, maxSpeed);
    }

    /** Gymnasium Pendulum-v1: every spec at its default. */
    public static PendulumParams gymnasium() {
        return new PendulumParams(GRAVITY.defaultValue(), MASS.defaultValue(), LENGTH.defaultValue(),
                DT.defaultValue(), MAX_TORQUE.defaultValue(), MAX_SPEED.defaultValue());
    }

    public static List<ParameterSpec> specs() {
        return SPECS;
    }

    public static ParameterSpec spec(String key) {
        return CartpoleParams.find(SPECS, key, "pendulum");
    }

    public double get(String key) {
        return switch (spec(key).key()) {
            case "gravity" -> gravity;
            case "mass" -> mass;
            case "length" -> length;
            case "dt" -> dt;
            case "max_torque" -> maxTorque;
            default -> maxSpeed;
        };
    }

    public PendulumParams with(String key, double value) {
        return switch (spec(key).key()) {
            case "gravity" -> new PendulumParams(value, mass, length, dt, maxTorque, maxSpeed);
            case "mass" -> new PendulumParams(gravity, value, length, dt, maxTorque, maxSpeed);
            case "length" -> new PendulumParams(gravity, mass, value, dt, maxTorque, maxSpeed);
            case "dt" -> new PendulumParams(gravity, mass, length, value, maxTorque, maxSpeed);
            case "max_torque" -> new PendulumParams(gravity, mass, length, dt, value, maxSpeed);
            default -> new PendulumParams(gravity, mass, length, dt, maxTorque, value);
        };
    }

    /** The same pendulum with mass and length scaled, for a planner's wrong model. */
    public PendulumParams scaled(ModelError error) {
        return new PendulumParams(gravity, mass * error.massFactor(), length * error.lengthFactor(), dt, maxTorque,
                maxSpeed);
    }

    @Override
    public String toString() {
        return "pendulum g " + Format.number(gravity) + " m/s², m " + Format.number(mass) + " kg, l "
                + Format.number(length) + " m, dt " + Format.number(dt) + " s, torque limit "
                + Format.number(maxTorque) + " N·m, speed limit " + Format.number(maxSpeed) + " rad/s";
    }
}
