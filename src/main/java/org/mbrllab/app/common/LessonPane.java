package org.mbrllab.app.common;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

/**
 * The contract between the shell and a lesson pane. The shell owns navigation, lesson text, the run
 * controls, the parameter panel and the menus; a pane owns its drawing and its engine.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>The shell makes a pane for each opened lesson, handing it a {@link PaneHost}: the appearance, a
 *       {@link PaneScope} and a {@link RunnerFactory}.</li>
 *   <li>{@link #activate} when the lesson is shown: the pane starts its worker.</li>
 *   <li>{@link #deactivate} when the student leaves it; then the shell closes the scope, which stops the
 *       pane's runners and drops every listener it registered there. The pane is not used again.</li>
 * </ol>
 * All calls are on the FX thread.
 */
public interface LessonPane {

    /** The pane's own view (board, charts, explain panel), built once. */
    Node view();

    /** Extra controls for the shell's toolbar row (algorithm choice, edit tools …); may be empty. */
    default List<Node> toolbarItems() {
        return List.of();
    }

    /** The declared numeric parameters, shown by the shell's parameter panel; null for none. */
    default ParameterModel parameters() {
        return null;
    }

    /** The run controls, or null for a pane that runs nothing (the shell then disables them). */
    default RunControls controls() {
        return null;
    }

    void activate(PaneContext context);

    /** Stops what {@link #activate} started that the scope does not own. */
    default void deactivate() {
    }

    /** The node exported by File › Export figure…. */
    Node figure();

    /** Chart data as CSV, if the pane has charts. */
    default Optional<ChartExport> chartExport() {
        return Optional.empty();
    }

    /** Presets, if the pane's configuration can be saved and opened. */
    default Optional<Presets> presets() {
        return Optional.empty();
    }
}
