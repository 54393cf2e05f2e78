package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.engine.control.Cartpole;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.mbrllab.engine.control.LqrSnapshot;

/** What a student does with the LQR lesson, clicked and dragged as they would. */
@ExtendWith(ApplicationExtension.class)
class LqrUiTest {

    private MainWindow window;
    private LqrPane pane;

    @Start
    void start(Stage stage) {
        window = ControlUi.open(stage, "lqr", LqrPane.parameterSpecs(), host -> {
            LqrPane p = new LqrPane(host);
            pane = p;
            return p;
        });
    }

    private LqrSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    @Test
    void opensTheLqrLessonOnTheCartpole(FxRobot robot) {
        assertTrue(window.stage().getTitle().contains("LQR"), window.stage().getTitle());
        assertTrue(robot.lookup("#system-view").tryQuery().isPresent());
        assertTrue(robot.lookup("#gain-label").queryAs(Label.class).getText().startsWith("K = ["));
        assertFalse(ControlUi.shown(robot.lookup("#param-max_torque").query()),
                "the pendulum's torque limit is not offered for the cartpole");
        assertTrue(ControlUi.shown(robot.lookup("#param-cart_mass").query()));
    }

    /** The chart data is one table: a row per step with the state, u and the cost, and one header. */
    @Test
    void chartDataIsOneTable(FxRobot robot) {
        robot.clickOn("#step-button");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        var tables = pane.chartExport().orElseThrow().tables();
        assertEquals(1, tables.size());
        java.util.List<String> lines = tables.get(0).csv().lines().toList();
        assertTrue(lines.get(0).startsWith("t,") && lines.get(0).endsWith(",u,cost"), lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("t,")).count(), "one header");
        assertTrue(lines.stream().noneMatch(String::isBlank), "no blank lines: " + lines);
        int columns = lines.get(0).split(",", -1).length;
        assertTrue(lines.stream().allMatch(l -> l.split(",", -1).length == columns), "every row as wide as the header");
    }

    @Test
    void draggingTheQThetaSliderRecomputesK(FxRobot robot) {
        String before = robot.lookup("#gain-label").queryAs(Label.class).getText();
        double kBefore = snapshot().gain().row()[Cartpole.THETA];
        Slider slider = robot.lookup("#slider-q_theta").queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double q = pane.viewModel().parameters().get("q_theta");
        assertTrue(q > 10, "q_θ went up: " + q);
        double kAfter = snapshot().gain().row()[Cartpole.THETA];
        assertTrue(Math.abs(kAfter) > Math.abs(kBefore), kBefore + " → " + kAfter);
        String after = robot.lookup("#gain-label").queryAs(Label.class).getText();
        assertNotEquals(before, after, "the K the student reads changed");
    }

    @Test
    void draggingTheCartPushesIt(FxRobot robot) {
        ControlUi.waitForFrames(pane.canvas());
        Point2D cart = ControlUi.onScreen(pane.canvas(), pane.canvas().cartCenterOnScreen());
        robot.drag(cart, MouseButton.PRIMARY).moveBy(40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double speed = snapshot().state()[Cartpole.X_DOT];
        assertTrue(speed > 0.3, "pushed to the right: ẋ = " + speed);
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, snapshot().step());
        assertTrue(snapshot().state()[Cartpole.X] > 0, "the cart moves right: " + snapshot().state()[Cartpole.X]);
    }

    @Test
    void clickingThePoleFromTheLeftTipsItRight(FxRobot robot) {
        pane.viewModel().parameters().set(ControlParameters.THETA0, 0);
        ControlUi.waitForFrames(pane.canvas());
        double[] middle = pane.canvas().poleMiddleOnScreen();
        robot.clickOn(ControlUi.onScreen(pane.canvas(), new double[] {middle[0] - 4, middle[1]}));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(snapshot().state()[Cartpole.THETA_DOT] > 0, "θ̇ = " + snapshot().state()[Cartpole.THETA_DOT]);
    }

    @Test
    void theSweepMarksTheAnglesTheControllerCatches(FxRobot robot) {
        robot.clickOn("#sweep-button");
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#attraction-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Caught from θ₀ = "), summary);
        assertTrue(summary.contains("with no force limit"), summary);
        robot.clickOn("#limit-box");
        WaitForAsyncUtils.waitForFxEvents();
        summary = robot.lookup("#attraction-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("with the force limit"), summary);
    }

    @Test
    void aDivergingRunStopsWithTheResetBanner(FxRobot robot) {
        robot.interact(() -> pane.viewModel().parameters().set(ControlParameters.THETA0, 90));
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        assertTrue(robot.lookup("#error-text").queryAs(Label.class).getText().contains("left every sensible range"));
        robot.interact(() -> pane.viewModel().parameters().set(ControlParameters.THETA0, 6));
        robot.clickOn("#error-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isVisible());
    }
}
