package org.mbrllab.app.common;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/**
 * The base of a pane driven by a {@link RunnerViewModel}: the view-model behind the run controls and the
 * parameter panel, the open/close lifecycle, and the theme followed through the lesson's scope. A pane
 * adds only what is its own: its drawing ({@link #view} is a {@link BorderPane} to fill), its toolbar
 * items, {@link #applyTheme} for its canvases and charts, {@link #startDrawing}/{@link #stopDrawing}
 * for its animations, and the capabilities it has ({@link #presets}, {@link #chartExport}).
 *
 * @param <V> the view-model
 */
public abstract class RunnerPane<V extends RunnerViewModel<?, ?>> implements LessonPane {

    protected final Appearance appearance;
    protected final PaneScope scope;
    protected final V vm;
    protected final BorderPane view = new BorderPane();
    protected final RunnerFactory runners;

    protected RunnerPane(PaneHost host, V vm) {
        this.appearance = host.appearance();
        this.scope = host.scope();
        this.runners = host.runners();
        this.vm = vm;
        scope.onClose(this::stopDrawing);
    }

    /** Repaints with the current theme and font size now and whenever they change; the end of a constructor. */
    protected final void followTheme() {
        scope.onChange(this::applyTheme, appearance.themeProperty(), appearance.fontSizeProperty());
        applyTheme();
    }

    /** Applies the theme and font size to the pane's canvases and charts. */
    protected void applyTheme() {
    }

    /** Starts the pane's animations and throttles (the lesson opens). */
    protected void startDrawing() {
    }

    /** Stops them (the lesson is left). Called more than once. */
    protected void stopDrawing() {
    }

    /** The view-model, for tests. */
    public final V viewModel() {
        return vm;
    }

    @Override public Node view() { return view; }

    @Override public ParameterModel parameters() { return vm.parameters(); }

    @Override public RunControls controls() { return vm; }

    @Override
    public void activate(PaneContext context) {
        vm.open(context, runners);
        startDrawing();
    }

    @Override
    public void deactivate() {
        stopDrawing();
        vm.close();
    }
}
