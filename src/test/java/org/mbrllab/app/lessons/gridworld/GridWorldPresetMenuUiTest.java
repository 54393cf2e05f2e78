package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.PaneScope;
import org.mbrllab.app.common.RunnerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A preset that fails to load when picked from the pane's Preset menu (the catalogue leaves out the ones
 * it can tell are broken; this one reaches the pane anyway) is reported, and both the grid and the menu
 * stay on the preset shown before.
 */
@ExtendWith(ApplicationExtension.class)
class GridWorldPresetMenuUiTest {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private GridWorldPane pane;

    @Start
    void start(Stage stage) throws IOException {
        PaneScope scope = new PaneScope();
        pane = new GridWorldPane(new PaneHost(new Appearance(), scope, RunnerFactory.synchronous().ownedBy(scope), messages::add));
        stage.setScene(new Scene(new BorderPane(pane.view(), new HBox(8, pane.toolbarItems().toArray(javafx.scene.Node[]::new)),
                null, null, null), 1000, 700));
        stage.show();
        pane.activate(new PaneContext("dynamic-programming", List.of(
                new PaneContext.Preset("sutton-barto-3.5", "sutton-barto-3.5.grid", GridWorldViewModelTest.preset("sutton-barto-3.5")),
                new PaneContext.Preset("broken", "broken.grid", "name: broken\ngamma: 7\ngrid:\n..\n")),
                "sutton-barto-3.5", Map.of()));
        stage.setOnHidden(e -> scope.close());
    }

    @Test
    void aBrokenPresetIsReportedAndTheMenuGoesBack(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<String> menu = robot.lookup("#preset-choice").queryAs(ChoiceBox.class);
        String before = pane.viewModel().layout().format();
        robot.interact(() -> menu.setValue("broken"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("broken") && messages.get(0).contains("gamma"), messages.get(0));
        assertEquals("sutton-barto-3.5", menu.getValue(), "the menu names the grid shown");
        assertEquals(before, pane.viewModel().layout().format(), "the grid is unchanged");
    }
}
