package org.mbrllab.app.lessons.control;

import java.util.function.Function;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.mbrllab.app.common.system.SystemView;

/** Builds the main window on one control lesson (fits Monocle's 1280 × 800 screen) and clicks as a student does. */
final class ControlUi {
    private ControlUi() {}

    /** A window showing lesson {@code id}, whose pane {@code factory} makes (with a synchronous engine). */
    static MainWindow open(Stage stage, String id, java.util.List<ParameterSpec> specs, Function<PaneHost, LessonPane> factory) {
        return LessonWindow.open(stage, id, id, specs, factory);
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    static void choose(FxRobot robot, String choiceBox, String text) {
        LessonWindow.choose(robot, choiceBox, text);
    }

    /** Waits until the view has drawn a frame, so that its geometry is known. */
    static void waitForFrames(SystemView view) {
        waitFor(() -> view.frames() > 0 && view.shownState() != null);
    }

    /** Waits up to two seconds for {@code condition} (views redrawn a few times a second by a throttle). */
    static boolean waitFor(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) return true;
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return condition.getAsBoolean();
    }

    /** Whether {@code node} and all its ancestors are visible (a hidden parameter row hides its field). */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    static Point2D onScreen(SystemView view, double[] local) {
        return view.localToScreen(local[0], local[1]);
    }
}
