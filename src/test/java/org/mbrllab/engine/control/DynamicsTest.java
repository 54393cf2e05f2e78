package org.mbrllab.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;

/** The cartpole and pendulum steps, their Jacobians and their parameters. */
class DynamicsTest {

    /** Central-difference step. */
    private static final double H = 1e-6;
    /** Central differences are accurate to O(h²) plus rounding / h: about 1e-8 here. */
    private static final double JACOBIAN_TOLERANCE = 1e-6;
    /** The Python port and the Java step do the same operations, up to the order of a few additions. */
    private static final double TRANSITION_TOLERANCE = 1e-12;

    private static final List<Dynamics> SYSTEMS = List.of(Cartpole.gymnasium(), Pendulum.gymnasium(),
            new Cartpole(CartpoleParams.gymnasium().with("pole_mass", 0.7).with("half_length", 1.3)),
            new Pendulum(PendulumParams.gymnasium().with("mass", 2.5).with("length", 0.4)));

    @Test
    void stepsMatchTheGymnasiumEquationsWrittenOutInPython() {
        for (JsonNode t : Reference.JSON.get("transitions")) {
            Dynamics d = Reference.system(t.get("system").asText());
            double[] next = d.step(Reference.vector(t.get("state")), t.get("u").asDouble());
            assertArrayEquals(Reference.vector(t.get("next")), next, TRANSITION_TOLERANCE, t.toString());
        }
    }

    @Test
    void gymnasiumConstantsAreTheDefaults() {
        CartpoleParams c = CartpoleParams.gymnasium();
        assertEquals(List.of(9.8, 1.0, 0.1, 0.5, 0.02, 10.0),
                List.of(c.gravity(), c.cartMass(), c.poleMass(), c.halfLength(), c.tau(), c.forceLimit()));
        PendulumParams p = PendulumParams.gymnasium();
        assertEquals(List.of(10.0, 1.0, 1.0, 0.05, 2.0, 8.0),
                List.of(p.gravity(), p.mass(), p.length(), p.dt(), p.maxTorque(), p.maxSpeed()));
        assertEquals(12 * Math.PI / 180, Cartpole.THETA_THRESHOLD, 1e-15);
    }

    @Test
    void pushingTheCartRightTipsThePoleTowardsNegativeTheta() {
        Cartpole c = Cartpole.gymnasium();
        double[] xdot = new double[4];
        c.derivative(c.upright(), 5, xdot);
        assertTrue(xdot[Cartpole.X_DOT] > 0, "the cart accelerates towards +x");
        assertTrue(xdot[Cartpole.THETA_DOT] < 0, "the pole tips towards −θ");
        c.derivative(c.stateWithAngle(0.1), 0, xdot);
        assertTrue(xdot[Cartpole.THETA_DOT] > 0, "a pole leaning at +θ falls further to +θ");
    }

    @Test
    void discreteJacobiansMatchCentralDifferences() {
        RandomGenerator rng = Seeds.random(7);
        for (Dynamics d : SYSTEMS) {
            for (int trial = 0; trial < 20; trial++) {
                double[] x = randomState(d, rng);
                double u = 0.9 * d.controlLimit() * (2 * rng.nextDouble() - 1);
                Linearization lin = d.linearize(x, u);
                double[][] numericA = new double[d.stateSize()][];
                for (int j = 0; j < d.stateSize(); j++) {
                    double[] plus = x.clone(), minus = x.clone();
                    plus[j] += H;
                    minus[j] -= H;
                    numericA[j] = difference(d.step(plus, u), d.step(minus, u));
                }
                double[] numericB = difference(d.step(x, u + H), d.step(x, u - H));
                for (int i = 0; i < d.stateSize(); i++) {
                    for (int j = 0; j < d.stateSize(); j++) {
                        assertEquals(numericA[j][i], lin.a()[i][j], JACOBIAN_TOLERANCE, d + " A[" + i + "][" + j + "]");
                    }
                    assertEquals(numericB[i], lin.b()[i], JACOBIAN_TOLERANCE, d + " B[" + i + "]");
                }
            }
        }
    }

    @Test
    void continuousJacobiansMatchCentralDifferences() {
        RandomGenerator rng = Seeds.random(8);
        for (Dynamics d : SYSTEMS) {
            int n = d.stateSize();
            for (int trial = 0; trial < 20; trial++) {
                double[] x = randomState(d, rng);
                double u = 0.9 * d.controlLimit() * (2 * rng.nextDouble() - 1);
                Linearization lin = d.linearizeContinuous(x, u);
                for (int j = 0; j < n; j++) {
                    double[] plus = x.clone(), minus = x.clone();
                    plus[j] += H;
                    minus[j] -= H;
                    double[] column = difference(derivative(d, plus, u), derivative(d, minus, u));
                    for (int i = 0; i < n; i++) assertEquals(column[i], lin.a()[i][j], JACOBIAN_TOLERANCE, d + " A_c");
                }
                double[] b = difference(derivative(d, x, u + H), derivative(d, x, u - H));
                assertArrayEquals(b, lin.b(), JACOBIAN_TOLERANCE, d + " B_c");
            }
        }
    }

    @Test
    void controlBeyondTheLimitIsClippedAndHasNoEffectAtTheMargin() {
        Pendulum p = Pendulum.gymnasium();
        double[] x = {0.3, 0.5};
        assertArrayEquals(p.step(x, 2), p.step(x, 50), 0);
        assertEquals(0, p.linearize(x, 50).b()[Pendulum.THETA_DOT], 0);
        Cartpole c = Cartpole.gymnasium();
        assertArrayEquals(c.step(c.upright(), -10), c.step(c.upright(), -1e6), 0);
        assertEquals(0, c.linearize(c.upright(), 11).b()[Cartpole.X_DOT], 0);
        Cartpole unlimited = c.withControlLimit(Double.POSITIVE_INFINITY);
        assertTrue(unlimited.step(unlimited.upright(), 100)[Cartpole.X_DOT] > c.step(c.upright(), 100)[Cartpole.X_DOT]);
    }

    @Test
    void pendulumSpeedIsClippedAndTheClippedJacobianIsFlat() {
        Pendulum p = Pendulum.gymnasium();
        double[] fast = {1.0, 7.9};
        assertEquals(8.0, p.step(fast, 2)[Pendulum.THETA_DOT], 0);
        Linearization lin = p.linearize(fast, 2);
        assertEquals(0, lin.a()[Pendulum.THETA_DOT][Pendulum.THETA], 0);
        assertEquals(0, lin.a()[Pendulum.THETA_DOT][Pendulum.THETA_DOT], 0);
        assertEquals(1, lin.a()[Pendulum.THETA][Pendulum.THETA], 0);
    }

    @Test
    void batchedStepGivesExactlyTheSingleSteps() {
        RandomGenerator rng = Seeds.random(9);
        for (Dynamics d : SYSTEMS) {
            int n = d.stateSize(), count = 37;
            double[] xs = new double[count * n], us = new double[count], next = new double[count * n];
            for (int i = 0; i < count; i++) {
                System.arraycopy(randomState(d, rng), 0, xs, i * n, n);
                us[i] = 3 * d.controlLimit() * (2 * rng.nextDouble() - 1);
            }
            d.stepBatch(xs, us, next, count);
            for (int i = 0; i < count; i++) {
                double[] x = java.util.Arrays.copyOfRange(xs, i * n, i * n + n);
                assertArrayEquals(d.step(x, us[i]), java.util.Arrays.copyOfRange(next, i * n, i * n + n), 0);
            }
        }
    }

    @Test
    void modelErrorScalesMassesAndLengthOnly() {
        Cartpole c = Cartpole.gymnasium().withModelError(new ModelError(2, 0.5));
        assertEquals(2.0, c.params().cartMass(), 0);
        assertEquals(0.2, c.params().poleMass(), 0);
        assertEquals(0.25, c.params().halfLength(), 0);
        assertEquals(9.8, c.params().gravity(), 0);
        Pendulum p = Pendulum.gymnasium().withModelError(ModelError.uniform(1.5));
        assertEquals(List.of(1.5, 1.5, 10.0, 2.0), List.of(p.params().mass(), p.params().length(),
                p.params().gravity(), p.params().maxTorque()));
        assertTrue(ModelError.NONE.isNone());
    }

    @Test
    void parametersOutOfRangeNameTheFieldAndTheRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class,
                () -> CartpoleParams.gymnasium().with("pole_mass", -1));
        assertEquals("pole_mass = -1 is out of range: allowed [0.001, 100]", e.getMessage());
        assertThrows(OutOfRangeException.class, () -> PendulumParams.gymnasium().with("dt", 0));
        assertThrows(OutOfRangeException.class, () -> ModelError.uniform(0));
        assertThrows(IllegalArgumentException.class, () -> CartpoleParams.gymnasium().with("friction", 1));
        assertEquals(Double.POSITIVE_INFINITY,
                CartpoleParams.gymnasium().with("force_limit", Double.POSITIVE_INFINITY).forceLimit(), "no limit");
    }

    @Test
    void withAndGetAgreeForEveryParameter() {
        for (ParameterSpec spec : CartpoleParams.specs()) {
            double v = (spec.min() + spec.max()) / 2;
            assertEquals(v, CartpoleParams.gymnasium().with(spec.key(), v).get(spec.key()), 0, spec.key());
        }
        for (ParameterSpec spec : PendulumParams.specs()) {
            double v = (spec.min() + spec.max()) / 2;
            assertEquals(v, PendulumParams.gymnasium().with(spec.key(), v).get(spec.key()), 0, spec.key());
        }
    }

    @Test
    void anglesWrapIntoMinusPiExclusivePiInclusive() {
        assertEquals(Math.PI, Angles.normalize(Math.PI), 0);
        assertEquals(Math.PI, Angles.normalize(-Math.PI), 1e-15);
        assertEquals(-Math.PI / 2, Angles.normalize(3 * Math.PI / 2), 1e-15);
        assertEquals(0.25, Angles.normalize(0.25 + 4 * Math.PI), 1e-12);
        assertEquals(0, Angles.normalize(0), 0);
    }

    @Test
    void gymnasiumPendulumCostWrapsTheAngle() {
        QuadraticCost c = Pendulum.GYMNASIUM_COST;
        assertEquals(Math.PI * Math.PI + 0.1 * 4 + 0.001 * 4, c.stage(new double[] {-Math.PI, 2}, 2), 1e-12);
        assertEquals(c.stage(new double[] {0.3, 1}, 0.5), c.stage(new double[] {0.3 + 2 * Math.PI, 1}, 0.5), 1e-12);
        QuadraticCost plain = ControlSystem.CARTPOLE.defaultCost();
        assertEquals(10 * 4 * Math.PI * Math.PI, plain.stage(new double[] {0, 0, 2 * Math.PI, 0}, 0), 1e-9,
                "the cartpole's default cost does not wrap: a full turn costs");
    }

    private static double[] randomState(Dynamics d, RandomGenerator rng) {
        double[] x = new double[d.stateSize()];
        for (int i = 0; i < x.length; i++) x[i] = 2 * (2 * rng.nextDouble() - 1);
        x[d.angleIndex()] = Math.PI * (2 * rng.nextDouble() - 1);
        return x;
    }

    private static double[] derivative(Dynamics d, double[] x, double u) {
        double[] xdot = new double[d.stateSize()];
        d.derivative(x, u, xdot);
        return xdot;
    }

    private static double[] difference(double[] plus, double[] minus) {
        double[] g = new double[plus.length];
        for (int i = 0; i < g.length; i++) g[i] = (plus[i] - minus[i]) / (2 * H);
        return g;
    }
}
