package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.PlannerKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.mbrllab.engine.control.MpcComparison;

/** Switching MPC's planner and pushing one of the two plants, as a student does. */
@ExtendWith(ApplicationExtension.class)
class MpcUiTest {

    private MpcPane pane;

    @Start
    void start(Stage stage) {
        ControlUi.open(stage, "mpc", MpcPane.parameterSpecs(), host -> {
            MpcPane p = new MpcPane(host);
            pane = p;
            return p;
        });
    }

    private MpcComparison.Snapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    @Test
    void switchingThePlannerReplansWithCemFromTheNextStep(FxRobot robot) {
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PlannerKind.ILQR, snapshot().mpc().planner());
        ControlUi.choose(robot, "#planner-choice", "CEM");
        assertEquals(PlannerKind.CEM, pane.viewModel().plannerProperty().get());
        assertTrue(ControlUi.shown(robot.lookup("#param-samples").query()), "CEM's sample count is offered");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PlannerKind.CEM, snapshot().mpc().planner());
        assertEquals(2, snapshot().mpc().step(), "the run went on");
        Label label = robot.lookup("#replan-label").queryAs(Label.class);
        ControlUi.waitFor(() -> label.getText().contains("median"));
        String replan = label.getText();
        assertTrue(replan.startsWith("replan ") && replan.contains("median") && replan.contains("budget 20 ms"), replan);
    }

    @Test
    void pushingTheOpenLoopCartLeavesMpcAlone(FxRobot robot) {
        ControlUi.waitForFrames(pane.openView());
        Point2D cart = ControlUi.onScreen(pane.openView(), pane.openView().cartCenterOnScreen());
        robot.drag(cart, MouseButton.PRIMARY).moveBy(30, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(snapshot().open().state()[Cartpole.X_DOT] > 0.2, "" + snapshot().open().state()[Cartpole.X_DOT]);
        assertEquals(0, snapshot().mpc().state()[Cartpole.X_DOT], 0);
    }
}
