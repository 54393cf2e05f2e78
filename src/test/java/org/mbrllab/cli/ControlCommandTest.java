package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.QuadraticCost;

/** {@code control} and {@code bench ilqr}: the JSON contract of issue 4 and the usage errors. */
class ControlCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON round-trips doubles exactly; sums recomputed in another order differ by rounding only. */
    private static final double SUM_TOLERANCE = 1e-9;
    private static final List<String> CONTRACT = List.of("states", "actions", "final_state", "max_abs_theta", "cost",
            "iterations");


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void lqrPrintsTheGainTheEigenvaluesAndASettlingClosedLoop() {
        JsonNode j = run("control", "--system", "cartpole", "--controller", "lqr", "--theta0", "0.1", "--json").okJson();
        for (String key : CONTRACT) assertTrue(j.has(key), key);
        double[] k = DiscreteLqr.solve(Cartpole.gymnasium().uprightLinearization(),
                new QuadraticCost(new double[] {1, 1, 10, 1}, 0.1, QuadraticCost.NO_WRAP)).row();
        for (int i = 0; i < 4; i++) assertEquals(k[i], j.get("gain").get(i).asDouble(), 0, "gain[" + i + "]");
        assertEquals(4, j.get("eigenvalues").size());
        for (JsonNode pair : j.get("eigenvalues")) {
            assertEquals(2, pair.size(), "[re, im]");
            assertTrue(Math.hypot(pair.get(0).asDouble(), pair.get(1).asDouble()) < 1, "stable");
        }
        assertEquals(501, j.get("states").size(), "x_0 … x_500");
        assertEquals(500, j.get("actions").size());
        assertEquals(List.of(0.0, 0.0, 0.1, 0.0), doubles(j.get("states").get(0)));
        assertEquals(doubles(j.get("states").get(500)), doubles(j.get("final_state")));
        for (double v : doubles(j.get("final_state"))) assertEquals(0, v, 1e-3, "settled");
        assertEquals(0.1, j.get("max_abs_theta").asDouble(), 1e-12);
        assertTrue(j.get("force_limit").isNull(), "no limit by default for lqr");
        assertTrue(j.get("iterations").asInt() > 1);
        assertEquals(4, j.get("A").size());
    }

    @Test
    void finiteLqrPrintsEveryGainAndRunsItsHorizon() {
        JsonNode j = run("control", "--system", "pendulum", "--controller", "finite-lqr", "--horizon", "50",
                "--theta0", "0.2", "--json").okJson();
        assertEquals(50, j.get("gains").size());
        assertEquals(j.get("gains").get(0), j.get("gain"), "gain is K_0");
        assertEquals(51, j.get("states").size());
        assertEquals(50, j.get("iterations").asInt());
        assertEquals(2, j.get("eigenvalues").size());
    }

    @Test
    void ilqrSwingsThePendulumUpAndItsCostIsMinusTheGymnasiumReturn() {
        JsonNode j = run("control", "--system", "pendulum", "--controller", "ilqr", "--theta0", "3.14159",
                "--restarts", "3", "--seed", "2", "--json").okJson();
        double theta = j.get("final_state").get(0).asDouble();
        assertEquals(0, Math.IEEEremainder(theta, 2 * Math.PI), 0.05, "upright at the end: " + theta);
        assertEquals(101, j.get("states").size());
        assertEquals(2.0, j.get("force_limit").asDouble(), "Gymnasium's torque limit by default for ilqr");
        // J = Σ_{t<T} θ̃_t² + 0.1·θ̇_t² + 0.001·u_t², recomputed from the printed states and actions.
        double cost = 0;
        for (int t = 0; t < 100; t++) {
            double th = Math.IEEEremainder(j.get("states").get(t).get(0).asDouble(), 2 * Math.PI);
            double w = j.get("states").get(t).get(1).asDouble();
            double u = j.get("actions").get(t).asDouble();
            assertTrue(Math.abs(u) <= 2);
            cost += th * th + 0.1 * w * w + 0.001 * u * u;
        }
        assertEquals(cost, j.get("cost").asDouble(), SUM_TOLERANCE);
        assertEquals(3, j.get("restart_costs").size());
        assertTrue(j.get("iterations").asInt() > 0);
    }

    @Test
    void mpcReportsEveryReplanTime() {
        JsonNode j = run("control", "--system", "cartpole", "--controller", "mpc", "--planner", "cem", "--samples", "100",
                "--elites", "10", "--cem-iterations", "2", "--steps", "20", "--model-error", "1.2", "--json").okJson();
        for (String key : CONTRACT) assertTrue(j.has(key), key);
        assertEquals("cem", j.get("planner").asText());
        assertEquals(20, j.get("replan_ms").size());
        assertTrue(j.get("replan_ms_median").asDouble() >= 0);
        assertEquals(21, j.get("states").size());
        assertEquals(40, j.get("iterations").asInt(), "2 CEM iterations × 20 replans");
        assertEquals(1.2, j.get("model_error").asDouble());
        assertEquals(10.0, j.get("force_limit").asDouble());
    }

    @Test
    void optionsOverrideTheDefaults() {
        JsonNode j = run("control", "--system", "cartpole", "--controller", "lqr", "--q", "2,0.5,20,0.5", "--r", "0.01",
                "--steps", "10", "--force-limit", "5", "--json").okJson();
        assertEquals(List.of(2.0, 0.5, 20.0, 0.5), doubles(j.get("q")));
        assertEquals(0.01, j.get("r").asDouble());
        assertEquals(5.0, j.get("force_limit").asDouble());
        for (JsonNode u : j.get("actions")) assertTrue(Math.abs(u.asDouble()) <= 5);
        assertTrue(run("control", "--system", "cartpole", "--controller", "mpc", "--force-limit", "none", "--steps", "2",
                "--json").okJson().get("force_limit").isNull());
    }

    @Test
    void readableSummaryWithoutJson() {
        CliRun r = run("control", "--system", "pendulum", "--controller", "lqr", "--theta0", "0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("K = [") && r.out().contains("closed-loop eigenvalues"), r.out());
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        assertEquals("error: --q needs 2 comma-separated weights for pendulum (theta, theta_dot), got 4",
                run("control", "--system", "pendulum", "--controller", "lqr", "--q", "1,1,1,1").usageError());
        assertEquals("error: --r 0 is out of range: allowed [0.000001, 10000]",
                run("control", "--system", "pendulum", "--controller", "lqr", "--r", "0").usageError());
        assertTrue(run("control", "--system", "cartpole", "--controller", "lqr", "--planner", "cem").usageError()
                .startsWith("error: --planner does not apply to --controller lqr"));
        assertTrue(run("control", "--system", "cartpole", "--controller", "ilqr", "--steps", "5").usageError()
                .contains("ilqr optimises --horizon T steps"));
        assertTrue(run("control", "--system", "cartpole", "--controller", "mpc", "--planner", "mppi").usageError()
                .contains("unknown planner 'mppi'"));
        assertTrue(run("control", "--system", "acrobot", "--controller", "lqr").usageError().contains("cartpole, pendulum"));
        assertTrue(run("control", "--system", "cartpole", "--controller", "ilqr", "--init", "ones").usageError()
                .contains("zero, random"));
        assertTrue(run("control", "--system", "cartpole", "--controller", "mpc", "--model-error", "9").usageError()
                .contains("--model-error 9 is out of range"));
        assertTrue(run("control", "--system", "cartpole").usageError().contains("--controller"));
        assertTrue(run("control", "--system", "cartpole", "--controller", "lqr", "--theta0", "x").usageError()
                .contains("--theta0"));
    }

    @Test
    void benchIlqrPrintsAMedian() {
        JsonNode j = run("bench", "ilqr", "--solves", "3", "--json").okJson();
        for (String key : List.of("median_ms", "mean_ms", "min_ms", "solves", "warmup_solves", "horizon", "iterations",
                "cost", "final_theta", "swung_up", "implementation")) {
            assertTrue(j.has(key), key);
        }
        assertTrue(j.get("min_ms").asDouble() <= j.get("median_ms").asDouble());
        assertTrue(j.get("swung_up").asBoolean(), "zero-start iLQR swings the pendulum up in 100 steps");
        assertEquals(3, j.get("solves").asInt());
    }

    @Test
    void helpListsTheControlOptionsAndBenchListsIlqr() {
        CliRun help = run("control", "--help");
        assertEquals(0, help.code());
        for (String option : List.of("--system", "--controller", "--q", "--r", "--horizon", "--steps", "--theta0",
                "--force-limit", "--init", "--restarts", "--seed", "--planner", "--model-error", "--json")) {
            assertTrue(help.out().contains(option), option);
        }
        assertTrue(run("bench").usageError().contains("ilqr"));
        assertTrue(Cli.isCommand("control"));
    }

    private static List<Double> doubles(JsonNode array) {
        java.util.ArrayList<Double> list = new java.util.ArrayList<>();
        array.forEach(v -> list.add(v.asDouble()));
        return list;
    }
}
