package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.Trajectory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The control charts plot θ wrapped to (−π, π] as the header shows it, break the line where θ passes
 * hanging down, and price the plotted cost with θ wrapped (issue 11: an open loop spinning to −65 rad plotted a
 * per-step cost of 40 000; iLQR showed upright as 360°).
 */
@ExtendWith(ApplicationExtension.class)
class AngleChartsUiTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 200));
        stage.show();
    }

    /** A cartpole whose pole spins backwards 0.5 rad a step, from 0 to −65 rad, with the cart at rest. */
    private static Trajectory spinning() {
        int steps = 130;
        double[][] xs = new double[steps + 1][];
        for (int t = 0; t <= steps; t++) xs[t] = new double[] {0, 0, -0.5 * t, -25};
        return new Trajectory(xs, new double[steps], 0);
    }

    @Test
    void aSpinningPoleIsPlottedWrappedWithBreaksAndItsCostStaysBounded(FxRobot robot) {
        TimeSeriesCharts[] holder = new TimeSeriesCharts[1];
        robot.interact(() -> {
            holder[0] = new TimeSeriesCharts(List.of("MPC", "open loop"));
            holder[0].configure(ControlSystem.CARTPOLE, new int[] {Cartpole.X, Cartpole.THETA}, 0.02);
            holder[0].append(1, spinning(), 0, ControlSystem.CARTPOLE.defaultCost());
            holder[0].flush();
        });
        double[] theta = holder[0].plottedState(1, 1);
        int breaks = 0;
        double before = Double.NaN;
        for (double v : theta) {
            if (Double.isNaN(v)) {
                breaks++;
                before = Double.NaN;
                continue;
            }
            assertTrue(v > -Math.PI && v <= Math.PI, "θ = " + v + " is wrapped");
            if (!Double.isNaN(before)) assertTrue(Math.abs(v - before) <= Math.PI, "no stroke across the chart");
            before = v;
        }
        // −65 rad is 10.3 turns: the line passes hanging down (−π) 10 times.
        assertEquals(10, breaks);
        assertEquals(131 + 10, theta.length);
        double[] cost = holder[0].plottedCost(1);
        assertEquals(130, cost.length);
        double most = 0;
        for (double c : cost) most = Math.max(most, c);
        // 10·θ̃² ≤ 10·π² ≈ 98.7, plus θ̇² = 625: never 42 250.
        assertTrue(most <= 10 * Math.PI * Math.PI + 625 + 1e-9, "largest plotted cost " + most);
        assertEquals(625, cost[0], 1e-9, "upright at t = 0: only θ̇ costs");
        String csv = holder[0].csv();
        assertFalse(csv.contains("NaN"), "breaks are not rows of the table");
        assertEquals(1 + 131, csv.lines().count());
    }

    /** iLQR swinging the pendulum from hanging down up to 2π: upright reads 0°, not 360°. */
    @Test
    void iterationChartShowsUprightAsZeroDegreesAndBreaksAtTheCut() {
        int steps = 8;
        double[][] xs = new double[steps + 1][];
        for (int t = 0; t <= steps; t++) xs[t] = new double[] {Math.PI + t * Math.PI / steps, 0};
        XYSeries s = IterationCharts.angleSeries("iteration 0", new Trajectory(xs, new double[steps], 0), Pendulum.THETA, 0.05);
        assertEquals(0, s.getY(s.getItemCount() - 1).doubleValue(), 1e-9, "ends upright at 0°");
        assertEquals(180, s.getY(0).doubleValue(), 1e-9, "starts hanging down at 180°");
        assertTrue(Double.isNaN(s.getY(1).doubleValue()), "the line breaks between 180° and −157.5°");
        assertEquals(0.025, s.getX(1).doubleValue(), 1e-12);
        assertEquals(-157.5, s.getY(2).doubleValue(), 1e-9);
        assertEquals(steps + 2, s.getItemCount());
    }
}
