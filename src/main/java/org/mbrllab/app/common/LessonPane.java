package org.mbrllab.app.common;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

/**
 * The contract between the shell and a lesson pane. The shell owns navigation, lesson text, the run
 * controls, the parameter panel and the menus; a pane owns its drawing and its engine.
 *
 * <p>Lifecycle: {@link #activate} when the lesson is opened (the pane starts its worker),
 * {@link #deactivate} when the student leaves it (the worker stops). All calls are on the FX thread.
 */
public interface LessonPane {

    /** The pane's own view (board, charts, explain panel), built once. */
    Node view();

    /** Extra controls for the shell's toolbar row (algorithm choice, edit tools …); may be empty. */
    List<Node> toolbarItems();

    /** The declared numeric parameters, shown by the shell's parameter panel. */
    ParameterModel parameters();

    /** The run controls, or null for a pane that runs nothing (the shell then disables them). */
    RunControls controls();

    void activate(PaneContext context);

    void deactivate();

    /** The node exported by File › Export figure…. */
    Node figure();

    /** The current chart data as CSV, if the pane has a chart. */
    Optional<String> chartCsv();

    /** The current configuration as preset text, for File › Save preset…. */
    String savePreset();

    /** The file extension of {@link #savePreset()} text, without the dot. */
    String presetExtension();

    /**
     * Loads preset text (a file the student saved or a lecturer wrote).
     *
     * @throws IllegalArgumentException with a message naming the source, the line and the problem;
     *                                  the pane is left as it was
     */
    void loadPreset(String text, String source);
}
