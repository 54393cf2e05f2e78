package org.mbrllab.app.lessons.control;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.BorderPane;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.engine.control.ControlSystem;

/**
 * What the LQR, iLQR and MPC panes share: the view-model behind the run controls, parameters and
 * presets, the toolbar's system choice, the theme, and the open/close lifecycle. A pane adds its
 * drawing: {@link #startDrawing}/{@link #stopDrawing} for its animations and throttles, and
 * {@link #applyTheme} for its canvases and charts.
 */
abstract class ControlPane<V extends ControlViewModel<?, ?>> implements LessonPane {

    protected final Appearance appearance;
    protected final V vm;
    protected final BorderPane view = new BorderPane();
    private final ChoiceBox<ControlSystem> systemChoice;
    private boolean synchronous;

    /** @param systemTooltip what choosing the system does in this pane */
    ControlPane(Appearance appearance, V vm, String systemTooltip) {
        this.appearance = appearance;
        this.vm = vm;
        this.systemChoice = ControlPanes.systemChoice(vm, systemTooltip);
    }

    /** Repaints with the current theme and font size now and whenever they change; the end of a constructor. */
    protected final void followTheme() {
        appearance.themeProperty().addListener((obs, o, n) -> applyTheme());
        appearance.fontSizeProperty().addListener((obs, o, n) -> applyTheme());
        applyTheme();
    }

    protected abstract void applyTheme();

    /** Starts the pane's animations and throttles (the pane opens). */
    protected abstract void startDrawing();

    /** Stops them (the pane closes). */
    protected abstract void stopDrawing();

    /** Makes the next {@link #activate} drive the engine on the calling thread (tests). */
    public void useSynchronousEngine() {
        synchronous = true;
    }

    V viewModel() {
        return vm;
    }

    // ---------------------------------------------------------------- LessonPane

    @Override public Node view() { return view; }

    @Override public List<Node> toolbarItems() {
        return List.of(ControlPanes.label("System"), systemChoice);
    }

    @Override public ParameterModel parameters() { return vm.parameters(); }

    @Override public RunControls controls() { return vm; }

    @Override
    public void activate(PaneContext context) {
        vm.open(context, synchronous);
        startDrawing();
    }

    @Override
    public void deactivate() {
        vm.close();
        stopDrawing();
    }

    @Override public String savePreset() { return vm.presetText(); }

    @Override public String presetExtension() { return "control"; }

    @Override
    public void loadPreset(String text, String source) {
        vm.loadPreset(text, source);
    }
}
