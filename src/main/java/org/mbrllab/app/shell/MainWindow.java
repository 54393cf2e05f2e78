package org.mbrllab.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.Group;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.mbrllab.app.common.text.TryItChecklist;
import org.mbrllab.app.common.text.TryItPrompts;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.text.LessonTextView;
import org.mbrllab.lessons.Lesson;
import org.mbrllab.lessons.LessonCatalog;
import org.mbrllab.lessons.LessonProblem;
import org.mbrllab.lessons.Part;

/**
 * The main window: menus, the run-controls toolbar, the lesson navigator and text on the left, the
 * current pane in the middle, its parameters on the right and a status bar below.
 */
public final class MainWindow {

    private final Stage stage;
    private final LessonCatalog catalog;
    private final PaneRegistry panes;
    private final Appearance appearance = new Appearance();
    private final BorderPane root = new BorderPane();
    private final TreeView<Object> navigator = new TreeView<>();
    private final LessonTextView lessonText = new LessonTextView();
    private final StackPane paneHolder = new StackPane();
    private final ParameterPanel parameterPanel;
    private final SplitPane main;
    /** The lesson column and the parameter panel, which "figure only" takes out of {@link #main}. */
    private final Node[] sideColumns;
    private final Node centerColumn;
    private final CheckMenuItem figureOnly = new CheckMenuItem("Figure only");
    /** The lesson's "Try it" prompts, floating over the pane's top-right corner; ticks kept per lesson. */
    private final TryItChecklist tryIt = new TryItChecklist();
    private final CheckMenuItem tryItItem = new CheckMenuItem("Try it checklist");
    private final CheckMenuItem sideBySide = new CheckMenuItem("Side by side (two copies)");
    private final CheckMenuItem compactItem = new CheckMenuItem("Compact layout (figure first)");
    private final MenuItem lessonDrawerItem = new MenuItem("Lesson drawer");
    private final MenuItem parameterDrawerItem = new MenuItem("Parameter drawer");
    /**
     * The compact layout: the pane between two narrow strips, whose buttons open the lesson column and the
     * parameter panel as drawers over the figure. Shown instead of {@link #main} while {@link #compact}.
     */
    private final BorderPane compactView = new BorderPane();
    private final StackPane compactCenter = new StackPane();
    private final StackPane lessonDrawer = new StackPane();
    private final StackPane parameterDrawer = new StackPane();
    private final VBox lessonStrip;
    private final VBox parameterStrip;
    private boolean compact;
    /** The user's choice from View › Compact layout, until the theme changes; null: decided by theme and size. */
    private Boolean compactChoice;
    /** Where the two column dividers were when last shown, as fractions of the window's width. */
    private final double[] columnDividers = {0.28, 0.80};
    private final RunControlsBar runBar;
    private final FlowPane toolbar = new FlowPane(8, 6);
    private final MenuBar menuBar;
    private final HBox paneTools = new HBox(8);
    private final Label statusMessage = new Label();
    private final Label runStatus = new Label();
    private final Label zoomLabel = new Label();
    private final Label errorText = new Label();
    private final BorderPane errorBanner;
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(10));
    private final RunnerFactory runners;
    private final MenuItem exportCsvItem = new MenuItem("Export chart data as CSV…");
    private final MenuItem savePresetItem = new MenuItem("Save preset…");
    private final MenuItem loadPresetItem = new MenuItem("Open preset…");
    private FileDialogs dialogs = FileDialogs.standard();
    private Lesson currentLesson;
    private LessonPane currentPane;
    /** The opened lesson's scope: what its pane subscribed to, released when the lesson is left. */
    private PaneHost currentHost;
    /** What the current pane was activated with; a second copy is activated with the same. */
    private PaneContext currentContext;
    /** The current pane and a second copy of it, while View › Side by side is on; else null. */
    private SideBySide split;
    private Settings settings;

    /** The app's window: each pane's runners run on daemon workers. */
    public MainWindow(Stage stage, LessonCatalog catalog, PaneRegistry panes, Settings settings) {
        this(stage, catalog, panes, settings, RunnerFactory.threaded());
    }

    /** A window whose panes make their runners with {@code runners} (synchronous ones in UI tests). */
    public MainWindow(Stage stage, LessonCatalog catalog, PaneRegistry panes, Settings settings, RunnerFactory runners) {
        this(stage, catalog, panes, settings, runners, false);
    }

    /**
     * The app's window. With {@code firstLessonLater}, the first lesson opens only after the window's first
     * frame is drawn, so that the window appears at once and the lesson's pane, formulas and charts are built
     * while the student already sees it; tests open it at once.
     */
    public MainWindow(Stage stage, LessonCatalog catalog, PaneRegistry panes, Settings settings, RunnerFactory runners,
                      boolean firstLessonLater) {
        this.stage = stage;
        this.runners = runners;
        this.catalog = catalog;
        this.panes = panes;
        this.settings = settings;
        this.parameterPanel = new ParameterPanel(this::message, this::focusPane);
        this.runBar = new RunControlsBar(this::message);
        this.errorBanner = buildErrorBanner();
        root.getStyleClass().add("app-root");

        // A flow, not a ToolBar: at projector sizes the pane's tools wrap to a second row instead of
        // hiding behind an overflow button.
        toolbar.getChildren().addAll(runBar, new Separator(Orientation.VERTICAL), paneTools);
        toolbar.getStyleClass().add("tool-bar");
        toolbar.setPadding(new Insets(5, 8, 5, 8));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        paneTools.setAlignment(Pos.CENTER_LEFT);
        toolbar.setId("main-toolbar");
        // The Try it button sits at the right end of the menu bar's row, which has room to spare (in the
        // toolbar it would push the pane's tools to a second row); its list opens over the pane's top-right corner.
        menuBar = buildMenus();
        HBox menuRow = new HBox(menuBar, tryIt.toggleButton());
        HBox.setHgrow(menuBar, Priority.ALWAYS);
        menuRow.setAlignment(Pos.CENTER_RIGHT);
        menuRow.getStyleClass().add("menu-row");
        HBox.setMargin(tryIt.toggleButton(), new Insets(1, 8, 1, 4));
        tryIt.heightLimitProperty().bind(paneHolder.heightProperty().multiply(0.7));
        root.setTop(new VBox(menuRow, toolbar));

        navigator.setId("navigator");
        navigator.setShowRoot(false);
        navigator.setRoot(buildOutline());
        navigator.setCellFactory(tv -> new OutlineCell());
        navigator.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null && n.getValue() instanceof Lesson lesson) openLesson(lesson);
        });
        navigator.setMinHeight(120);
        lessonText.setId("lesson-text");
        lessonText.setOnLinkClicked(this::followLink);

        SplitPane left = new SplitPane(navigator, lessonText);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.22);
        paneHolder.getStyleClass().add("pane-holder");
        // The pane yields height to the error banner, never the banner to the pane.
        paneHolder.setMinHeight(0);
        paneHolder.setId("pane-holder");
        VBox center = new VBox(errorBanner, paneHolder);
        VBox.setVgrow(paneHolder, Priority.ALWAYS);
        ScrollPane right = new ScrollPane(parameterPanel);
        right.setFitToWidth(true);
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        right.getStyleClass().add("parameter-scroll");
        main = new SplitPane(left, center, right);
        main.setId("main-split");
        main.setDividerPositions(0.28, 0.80);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        sideColumns = new Node[] {left, right};
        centerColumn = center;
        root.setCenter(main);

        lessonStrip = strip("Lesson", "lesson-drawer-toggle", "Show or hide the lesson list and text (F8)",
                lessonDrawer, () -> toggleDrawer(lessonDrawer));
        parameterStrip = strip("Parameters", "parameter-drawer-toggle", "Show or hide the parameters (F7)",
                parameterDrawer, () -> toggleDrawer(parameterDrawer));
        lessonDrawer.setId("lesson-drawer");
        parameterDrawer.setId("parameter-drawer");
        for (StackPane drawer : List.of(lessonDrawer, parameterDrawer)) {
            drawer.getStyleClass().add("drawer");
            drawer.setVisible(false);
            drawer.setMaxHeight(Double.MAX_VALUE);
        }
        parameterDrawer.setMaxWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(lessonDrawer, Pos.TOP_LEFT);
        StackPane.setAlignment(parameterDrawer, Pos.TOP_RIGHT);
        compactCenter.setMinSize(0, 0);
        compactView.setId("compact-view");
        compactView.setCenter(compactCenter);
        compactView.setLeft(lessonStrip);
        compactView.setRight(parameterStrip);
        root.setBottom(buildStatusBar());

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(settings.width(), screen.getWidth());
        double height = Math.min(settings.height(), screen.getHeight());
        Scene scene = new Scene(root, width, height);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        scene.widthProperty().addListener((obs, o, n) -> updateCompact());
        scene.heightProperty().addListener((obs, o, n) -> updateCompact());
        stage.setScene(scene);
        stage.setTitle("MBRL Lab");
        stage.setMaximized(settings.maximized());

        appearance.themeProperty().addListener((obs, o, n) -> applyAppearance());
        appearance.themeProperty().addListener((obs, o, n) -> {
            compactChoice = null;
            updateCompact();
        });
        appearance.zoomProperty().addListener((obs, o, n) -> applyAppearance());
        appearance.themeProperty().set(Theme.fromKey(settings.theme()));
        appearance.setZoom(settings.zoom());
        applyAppearance();
        updateCompact();
        messageTimeout.setOnFinished(e -> statusMessage.setText(""));

        if (!catalog.problems().isEmpty()) {
            message(catalog.problems().size() + " lesson file problem(s): see Help › Lesson problems");
            for (LessonProblem p : catalog.problems()) System.err.println("lesson problem: " + p);
        }
        if (firstLessonLater) openAfterFirstFrame(scene);
        else openInitialLesson();
        stage.setOnHidden(e -> close());
    }

    /**
     * The checklist of {@code lesson}'s "Try it" prompts with the ticks the student made (kept in the settings),
     * collapsed to its button at first; hidden for a lesson without prompts or when View › Try it
     * checklist is off.
     */
    private void showTryIt(Lesson lesson) {
        if (lesson == null) return;
        java.util.List<String> prompts = TryItPrompts.of(lesson.markdown());
        java.util.BitSet ticked = new java.util.BitSet();
        settings.tried().getOrDefault(lesson.id(), java.util.List.of()).forEach(ticked::set);
        tryIt.show(tryItItem.isSelected() ? prompts : java.util.List.of(), ticked);
        tryIt.setOnTicked(ticks -> settings = settings.withTried(lesson.id(), ticks.stream().boxed().toList()));
        tryIt.setListWidth(Math.max(18 * appearance.fontSize(), 320));
        StackPane.setAlignment(tryIt, Pos.TOP_RIGHT);
        StackPane.setMargin(tryIt, new javafx.geometry.Insets(4, 6, 0, 0));
    }

    /** Opens the first lesson once the scene has been laid out and drawn for the first time. */
    private void openAfterFirstFrame(Scene scene) {
        lessonText.setMarkdown("*Opening the lesson…*");
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The pulse's rendering follows its layout: open the lesson in the next event, after the frame.
            javafx.application.Platform.runLater(this::openInitialLesson);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    public Stage stage() { return stage; }
    public Appearance appearance() { return appearance; }
    public Optional<LessonPane> currentPane() { return Optional.ofNullable(currentPane); }
    public Optional<Lesson> currentLesson() { return Optional.ofNullable(currentLesson); }

    /** The menu item with {@code id} (for tests). */
    MenuItem menuItem(String id) {
        for (Menu m : menuBar.getMenus()) {
            for (MenuItem i : m.getItems()) if (id.equals(i.getId())) return i;
        }
        throw new IllegalArgumentException("no menu item " + id);
    }

    /** Replaces the file dialogs (UI tests answer them directly). */
    public void setFileDialogs(FileDialogs dialogs) { this.dialogs = dialogs; }

    // ---------------------------------------------------------------- lessons

    private TreeItem<Object> buildOutline() {
        TreeItem<Object> top = new TreeItem<>("MBRL Lab");
        for (Part part : Part.values()) {
            TreeItem<Object> partItem = new TreeItem<>(part);
            partItem.setExpanded(true);
            for (Lesson l : catalog.lessons()) if (l.part() == part) partItem.getChildren().add(new TreeItem<>(l));
            if (partItem.getChildren().isEmpty()) partItem.getChildren().add(new TreeItem<>("(no lessons yet)"));
            top.getChildren().add(partItem);
        }
        return top;
    }

    private void openInitialLesson() {
        Optional<Lesson> last = catalog.find(settings.lastLesson());
        Lesson first = last.orElse(catalog.lessons().isEmpty() ? null : catalog.lessons().get(0));
        if (first != null) selectLesson(first.id());
        else lessonText.setMarkdown("# No lessons found\n\nThe `lessons/` folder is empty or every lesson in it has a problem.");
    }

    /** Selects the lesson in the navigator, which opens it. */
    public void selectLesson(String id) {
        for (TreeItem<Object> part : navigator.getRoot().getChildren()) {
            for (TreeItem<Object> item : part.getChildren()) {
                if (item.getValue() instanceof Lesson l && l.id().equals(id)) {
                    navigator.getSelectionModel().select(item);
                    return;
                }
            }
        }
        message("No lesson with id “" + id + "”.");
    }

    private void openLesson(Lesson lesson) {
        if (currentLesson != null && currentLesson.id().equals(lesson.id())) return;
        closePane();
        currentLesson = lesson;
        stage.setTitle("MBRL Lab — " + lesson.title());
        lessonText.setMarkdown(lesson.markdown());
        PaneHost host = PaneHost.open(appearance, runners, this::message);
        LessonPane pane;
        try {
            pane = panes.create(lesson.pane(), host);
        } catch (RuntimeException e) {
            host.scope().close();
            message("Could not open the " + lesson.pane() + " pane: " + e.getMessage());
            return;
        }
        currentHost = host;
        currentPane = pane;
        paneHolder.getChildren().setAll(pane.view(), tryIt);
        showTryIt(lesson);
        paneTools.getChildren().setAll(pane.toolbarItems());
        parameterPanel.show(pane.parameters());
        arrangeColumns();
        runBar.bind(pane.controls());
        showCapabilities(pane);
        RunControls controls = pane.controls();
        if (controls != null) {
            // The banner follows the run's state, not the error's changes: a divergence whose message
            // repeats the last one word for word must still bring the banner back.
            host.scope().onChange(() -> {
                showRunStatus();
                showError(currentError());
            }, controls.statusProperty(), controls.stepsProperty(), controls.errorProperty());
        }
        List<PaneContext.Preset> presets = new ArrayList<>();
        for (String name : lesson.presets()) {
            var file = lesson.presetFiles().get(name);
            if (file != null) presets.add(new PaneContext.Preset(name, file.source(), file.text()));
        }
        currentContext = new PaneContext(lesson.id(), presets, lesson.defaultPreset(), lesson.parameters(),
                id -> javafx.application.Platform.runLater(() -> selectLesson(id)), dataFiles(lesson));
        sideBySide.setDisable(!(pane instanceof RunnerPane<?>));
        try {
            pane.activate(currentContext);
        } catch (RuntimeException e) {
            message("The lesson could not start: " + e.getMessage());
        }
        restoreLesson(lesson, pane);
        showError(controls == null ? "" : controls.errorProperty().get());
        showRunStatus();
        // Keyboard shortcuts work at once: keep the focus out of the text fields.
        javafx.application.Platform.runLater(() -> {
            if (currentPane == pane) pane.view().requestFocus();
        });
    }

    /**
     * Leaves the current lesson: the pane stops, then its scope closes, which stops its runners and drops
     * every listener it registered, so that nothing keeps the pane or its engine.
     */
    private void closePane() {
        closePane(true);
    }

    /** Leaves the current lesson, remembering its configuration first unless {@code remember} is false. */
    private void closePane(boolean remember) {
        if (currentPane == null) return;
        if (remember) rememberLesson();
        closeSplit(false);
        LessonPane pane = currentPane;
        PaneHost host = currentHost;
        currentPane = null;
        currentHost = null;
        currentContext = null;
        sideBySide.setDisable(true);
        try {
            pane.deactivate();
        } catch (RuntimeException e) {
            message("The lesson did not stop cleanly: " + e.getMessage());
        } finally {
            host.scope().close();
        }
        paneHolder.getChildren().clear();
        paneTools.getChildren().clear();
        runBar.bind(null);
        parameterPanel.show(null);
        showCapabilities(null);
        showError("");
    }

    /** The lesson's data tables, and the files of {@code presets/} left out of the menu as {@code presets/NAME}. */
    private static Map<String, PaneContext.Preset> dataFiles(Lesson lesson) {
        Map<String, PaneContext.Preset> files = new LinkedHashMap<>();
        lesson.dataFiles().forEach((name, f) -> files.put(name, new PaneContext.Preset(name, f.source(), f.text())));
        lesson.presetFiles().forEach((name, f) -> {
            if (!lesson.presets().contains(name)) files.put("presets/" + name, new PaneContext.Preset(name, f.source(), f.text()));
        });
        return files;
    }

    /**
     * Keeps the current lesson's configuration (its pane's preset text) in the settings, so that the
     * lesson opens as the student left it, in this session and the next.
     */
    private void rememberLesson() {
        if (currentPane == null || currentLesson == null || currentPane.presets().isEmpty()) return;
        try {
            settings = settings.withLesson(currentLesson.id(), currentPane.presets().get().save());
        } catch (RuntimeException e) {
            settings = settings.withLesson(currentLesson.id(), null);
        }
    }

    /** Loads what {@link #rememberLesson} kept for {@code lesson}, if anything; a failure forgets it and says so. */
    private void restoreLesson(Lesson lesson, LessonPane pane) {
        String kept = settings.lessons().get(lesson.id());
        if (kept == null || pane.presets().isEmpty()) return;
        try {
            pane.presets().get().load(kept, "your last settings");
        } catch (RuntimeException e) {
            settings = settings.withLesson(lesson.id(), null);
            message("Your last settings for this lesson could not be restored, so it starts from its defaults: "
                    + e.getMessage());
        }
    }

    /**
     * Run › Reset lesson to defaults (Ctrl Shift R): forgets what was remembered for the lesson and opens it
     * afresh, with the lesson's own parameters, preset and choices.
     */
    void resetLessonToDefaults() {
        if (currentLesson == null) return;
        Lesson lesson = currentLesson;
        settings = settings.withLesson(lesson.id(), null);
        closePane(false);
        currentLesson = null;
        openLesson(lesson);
        message("“" + lesson.title() + "” is back to its defaults.");
    }

    /** Gives the keyboard back to the pane (after Enter or Escape in a parameter field), so that R, Space and → reach the run. */
    private void focusPane() {
        if (currentPane != null) currentPane.view().requestFocus();
    }

    /** Greys out the File menu's items that the pane has no capability for. */
    private void showCapabilities(LessonPane pane) {
        exportCsvItem.setDisable(pane == null || pane.chartExport().isEmpty());
        boolean presets = pane != null && pane.presets().isPresent();
        savePresetItem.setDisable(!presets);
        loadPresetItem.setDisable(!presets);
    }

    private void followLink(String href) {
        if (href.startsWith("lesson:")) selectLesson(href.substring("lesson:".length()));
        else message("Links outside the app are not opened: " + href);
    }

    // ---------------------------------------------------------------- menus and shortcuts

    private MenuBar buildMenus() {
        Menu file = new Menu("_File");
        MenuItem exportFigure = item("Export figure…", "Ctrl+E", this::exportFigure);
        exportFigure.setId("menu-export-figure");
        MenuItem exportCsv = item(exportCsvItem, "Ctrl+Shift+E", this::exportCsv);
        MenuItem savePreset = item(savePresetItem, "Ctrl+S", this::savePreset);
        MenuItem loadPreset = item(loadPresetItem, "Ctrl+O", this::loadPreset);
        exportCsv.setId("menu-export-csv");
        savePreset.setId("menu-save-preset");
        loadPreset.setId("menu-open-preset");
        MenuItem quit = item("Quit", "Ctrl+Q", stage::close);
        file.getItems().addAll(exportFigure, exportCsv, new SeparatorMenuItem(), savePreset, loadPreset,
                new SeparatorMenuItem(), quit);

        Menu view = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.title() + " theme");
            item.setId("menu-theme-" + t.key());
            item.setToggleGroup(themes);
            item.setSelected(t == Theme.fromKey(settings.theme()));
            item.setOnAction(e -> appearance.themeProperty().set(t));
            appearance.themeProperty().addListener((obs, o, n) -> item.setSelected(n == t));
            view.getItems().add(item);
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Zoom in", "Ctrl+Plus", () -> appearance.setZoom(appearance.zoomProperty().get() * 1.1)),
                item("Zoom out", "Ctrl+Minus", () -> appearance.setZoom(appearance.zoomProperty().get() / 1.1)),
                item("Actual size", "Ctrl+0", () -> appearance.setZoom(1.0)),
                new SeparatorMenuItem(),
                figureOnly,
                compactItem,
                lessonDrawerItem,
                parameterDrawerItem,
                sideBySide,
                tryItItem,
                item("Full screen", "F11", () -> stage.setFullScreen(!stage.isFullScreen())));
        tryItItem.setId("menu-try-it");
        tryItItem.setAccelerator(KeyCombination.keyCombination("Ctrl+T"));
        tryItItem.setSelected(true);
        tryItItem.setOnAction(e -> showTryIt(currentLesson));
        sideBySide.setId("menu-side-by-side");
        sideBySide.setAccelerator(KeyCombination.keyCombination("Ctrl+D"));
        sideBySide.setDisable(true);
        sideBySide.setOnAction(e -> setSideBySide(sideBySide.isSelected()));
        figureOnly.setId("menu-figure-only");
        figureOnly.setAccelerator(KeyCombination.keyCombination("F9"));
        figureOnly.setOnAction(e -> setFigureOnly(figureOnly.isSelected()));
        compactItem.setId("menu-compact");
        compactItem.setOnAction(e -> setCompact(compactItem.isSelected()));
        item(lessonDrawerItem, "F8", () -> toggleDrawer(lessonDrawer)).setId("menu-lesson-drawer");
        item(parameterDrawerItem, "F7", () -> toggleDrawer(parameterDrawer)).setId("menu-parameter-drawer");

        MenuItem resetDefaults = item("Reset lesson to defaults", "Ctrl+Shift+R", this::resetLessonToDefaults);
        Menu run = new Menu("_Run");
        run.getItems().addAll(
                item("Step   (→)", null, () -> controls().ifPresent(c -> c.step())),
                item("Run / Pause   (Space)", null, () -> controls().ifPresent(c -> c.toggleRun())),
                item("Reset   (R)", null, () -> controls().ifPresent(c -> c.reset())),
                new SeparatorMenuItem(),
                resetDefaults);
        resetDefaults.setId("menu-reset-defaults");

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("Keyboard shortcuts", "F1", this::showShortcuts),
                item("Lesson problems…", null, this::showProblems),
                item("About MBRL Lab", null, this::showAbout));
        help.getItems().get(help.getItems().size() - 1).setId("menu-about");
        MenuBar bar = new MenuBar(file, view, run, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        return item(new MenuItem(text), accelerator, action);
    }

    private static MenuItem item(MenuItem item, String accelerator, Runnable action) {
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The run controls the toolbar and the keys drive: the pane's, or both copies' while side by side. */
    private Optional<RunControls> controls() {
        if (split != null) return Optional.of(split);
        return currentPane == null ? Optional.empty() : Optional.ofNullable(currentPane.controls());
    }

    /** Space runs or pauses, → steps, R resets; never while the user types in a field. */
    private void shortcut(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && (lessonDrawer.isVisible() || parameterDrawer.isVisible())
                && !(root.getScene().getFocusOwner() instanceof TextInputControl)) {
            closeDrawers();
            e.consume();
            return;
        }
        if (controls().isEmpty() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            // The menu prints Ctrl + and Ctrl −; every key a keyboard sends for them works, with or without
            // Shift: + and = on the main block, + and − on the numpad.
            if (e.isShortcutDown() && !e.isAltDown()) {
                double factor = switch (e.getCode()) {
                    case EQUALS, PLUS, ADD -> 1.1;
                    case MINUS, SUBTRACT -> 1 / 1.1;
                    default -> 0;
                };
                if (factor > 0) {
                    appearance.setZoom(appearance.zoomProperty().get() * factor);
                    e.consume();
                }
            }
            return;
        }
        if (e.getTarget() instanceof TextInputControl || root.getScene().getFocusOwner() instanceof TextInputControl) return;
        RunControls c = controls().get();
        switch (e.getCode()) {
            case SPACE -> c.toggleRun();
            case RIGHT -> c.step();
            case R -> c.reset();
            default -> { return; }
        }
        e.consume();
    }

    // ---------------------------------------------------------------- export and presets

    private String baseName() {
        return currentLesson == null ? "mbrl-lab" : currentLesson.id();
    }

    private void exportFigure() {
        if (currentPane == null) return;
        dialogs.save(stage, "Export figure", baseName() + ".png", "PNG image", "png").ifPresent(this::exportFigure);
    }

    /** Writes the current pane's figure to {@code file} at twice its screen size. */
    public void exportFigure(Path file) {
        try {
            Node figure = split != null ? split.view() : currentPane.figure();
            Figures.writePng(figure, file, 2.0, appearance.theme().background());
            message("Figure saved to " + file);
        } catch (IOException | RuntimeException e) {
            error("The figure could not be saved", file + ": " + e.getMessage());
        }
    }

    private void exportCsv() {
        if (currentPane == null || currentPane.chartExport().isEmpty()) return;
        List<ChartExport.Table> tables = currentPane.chartExport().get().tables();
        if (tables.isEmpty()) {
            message("There is no chart data yet: run the lesson first.");
            return;
        }
        dialogs.save(stage, "Export chart data", baseName() + ".csv", "CSV file", "csv")
                .ifPresent(file -> exportCsv(file, tables));
    }

    /**
     * Writes the first table to {@code file} and each other one beside it as {@code NAME-TABLE.csv}; says
     * which files were written.
     */
    public void exportCsv(Path file, List<ChartExport.Table> tables) {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Path target = i == 0 ? file : sibling(file, tables.get(i).name());
            try {
                Figures.writeText(target, tables.get(i).csv());
                written.add(target);
            } catch (IOException e) {
                error("The chart data could not be saved", target + ": " + e.getMessage());
                return;
            }
        }
        message("Chart data saved to " + written.get(0)
                + (written.size() > 1 ? " and " + String.join(", ", written.subList(1, written.size()).stream()
                        .map(p -> p.getFileName().toString()).toList()) : ""));
    }

    /** {@code data.csv} with table {@code convergence} → {@code data-convergence.csv}, in the same folder. */
    static Path sibling(Path file, String table) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".csv";
        return file.resolveSibling(stem + "-" + table + ext);
    }

    private void savePreset() {
        if (currentPane == null || currentPane.presets().isEmpty()) return;
        Presets presets = currentPane.presets().get();
        String ext = presets.extension();
        dialogs.save(stage, "Save preset", baseName() + "." + ext, "Preset", ext).ifPresent(file -> {
            try {
                Figures.writeText(file, presets.save());
                message("Preset saved to " + file);
            } catch (IOException e) {
                error("The preset could not be saved", file + ": " + e.getMessage());
            }
        });
    }

    private void loadPreset() {
        if (currentPane == null || currentPane.presets().isEmpty()) return;
        Presets presets = currentPane.presets().get();
        String ext = presets.extension();
        dialogs.open(stage, "Open preset", "Preset", ext).ifPresent(file -> {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                presets.load(text, file.getFileName().toString());
                message("Preset loaded from " + file);
            } catch (IOException e) {
                error("The preset could not be read", file + ": " + e.getMessage());
            } catch (RuntimeException e) {
                error("The preset has a problem; nothing was changed", e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    // ---------------------------------------------------------------- status, errors, dialogs

    private HBox buildStatusBar() {
        statusMessage.setId("status-message");
        runStatus.setId("run-status");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(16, statusMessage, spring, runStatus, zoomLabel);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * The red banner over the pane: the reason a run stopped, wrapped over as many lines as it needs, and
     * a Reset button that keeps its full width.
     */
    private BorderPane buildErrorBanner() {
        errorText.setWrapText(true);
        errorText.setId("error-text");
        errorText.setMinWidth(0);
        errorText.setMinHeight(Region.USE_PREF_SIZE);
        errorText.setMaxWidth(Double.MAX_VALUE);
        Button reset = new Button("Reset");
        reset.setId("error-reset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setTooltip(new Tooltip("Start again from the current settings (R)"));
        reset.setOnAction(e -> controls().ifPresent(c -> c.reset()));
        BorderPane banner = new BorderPane(errorText);
        banner.setRight(reset);
        BorderPane.setAlignment(reset, Pos.CENTER_RIGHT);
        BorderPane.setAlignment(errorText, Pos.CENTER_LEFT);
        BorderPane.setMargin(reset, new Insets(0, 0, 0, 12));
        banner.getStyleClass().add("error-banner");
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.setVisible(false);
        banner.setManaged(false);
        banner.setId("error-banner");
        return banner;
    }

    private void showError(String text) {
        boolean show = text != null && !text.isBlank();
        errorText.setText(show ? text : "");
        errorBanner.setVisible(show);
        errorBanner.setManaged(show);
    }

    private void showRunStatus() {
        if (currentPane == null || currentPane.controls() == null) {
            runStatus.setText("");
            return;
        }
        if (split != null) {
            runStatus.setText(split.statusLine());
            return;
        }
        var c = currentPane.controls();
        runStatus.setText(c.statusProperty().get() + " · step " + String.format("%,d", c.stepsProperty().get()));
    }

    /** Shows a message in the status bar for a few seconds. */
    public void message(String text) {
        statusMessage.setText(text);
        messageTimeout.playFromStart();
    }

    /**
     * Tells the user once about something found at start-up, such as settings that will not be kept: in
     * the status bar, in front of any message already there (the lesson problem count), and on standard
     * error.
     */
    public void notice(String text) {
        String shown = statusMessage.getText();
        message(shown == null || shown.isEmpty() ? text : text + "  ·  " + shown);
        System.err.println(text);
    }

    private void error(String header, String detail) {
        message(header + ": " + detail);
        Alert alert = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        ownDialog(alert);
        alert.setHeaderText(header);
        alert.show();
    }

    /**
     * Figure only: the lesson column and the parameter panel leave the window, so that the pane's figure
     * gets the whole width (a projector at 1280 × 800); off again, they come back where they were.
     */
    void setFigureOnly(boolean on) {
        figureOnly.setSelected(on);
        arrangeColumns();
    }

    /**
     * View › Side by side (Ctrl D): on, the current pane (A) gets a second copy (B) beside it, made by the
     * same factory with a host of its own, activated with the same lesson context and given A's
     * configuration (its preset text, its parameters and its seed); from then on the two diverge as the
     * student edits them. The run controls drive both; the parameter panel edits one copy at a time.
     * Off, B stops and its scope closes, which stops its runners and drops its listeners. Only a
     * run-driven pane ({@link RunnerPane}) splits; for any other the menu item is greyed out.
     */
    public void setSideBySide(boolean on) {
        if (on) openSplit(); else closeSplit(true);
        sideBySide.setSelected(split != null);
    }

    /** Whether the pane is shown side by side with a second copy. */
    public boolean isSideBySide() {
        return split != null;
    }

    /** The second copy (B) while side by side. */
    public Optional<LessonPane> secondPane() {
        return split == null ? Optional.empty() : Optional.of(split.b);
    }

    private void openSplit() {
        if (split != null || currentPane == null || currentLesson == null || currentContext == null) return;
        if (!(currentPane instanceof RunnerPane<?>) || currentPane.controls() == null) {
            message("This lesson runs nothing, so there is nothing to compare side by side.");
            return;
        }
        LessonPane a = currentPane;
        PaneHost hostB = PaneHost.open(appearance, runners, this::message);
        LessonPane b = null;
        try {
            b = panes.create(currentLesson.pane(), hostB);
            b.activate(currentContext);
            copyConfiguration(a, b);
            split = new SideBySide(a, b, hostB, this::message, this::focusPane);
        } catch (RuntimeException e) {
            try {
                if (b != null) b.deactivate();
            } catch (RuntimeException ignored) {
                // The copy failed to start; its scope closes below either way.
            } finally {
                hostB.scope().close();
            }
            message("Side by side could not start: " + e.getMessage());
            return;
        }
        RunControls cb = b.controls();
        hostB.scope().onChange(() -> {
            showRunStatus();
            showError(currentError());
        }, cb.statusProperty(), cb.stepsProperty(), cb.errorProperty());
        paneHolder.getChildren().setAll(split.view(), tryIt);
        paneTools.getChildren().clear();
        SideBySide shown = split;
        parameterPanel.showCopies(a.parameters(), b.parameters(), shown::showEdited);
        runBar.bind(split);
        split.pauseAndReset();
        showRunStatus();
        showError(currentError());
        message("Side by side: B is a copy of A, with the same seed. Change either one's parameters, then run both.");
    }

    /**
     * Gives {@code b} the configuration of {@code a}: A's preset text if the pane has presets (grid,
     * algorithm, choices and parameters), then every parameter value, then A's seed.
     */
    private static void copyConfiguration(LessonPane a, LessonPane b) {
        if (a.presets().isPresent() && b.presets().isPresent()) {
            String text = a.presets().get().save();
            // Unchanged from the lesson's default preset, B keeps it by name (its preset menu shows it).
            if (!text.equals(b.presets().get().save())) b.presets().get().load(text, "copy A");
        }
        if (a.parameters() != null && b.parameters() != null) b.parameters().setKnown(a.parameters().values());
        b.controls().setSeed(a.controls().seed());
    }

    /** Ends the split: B stops and its scope closes; with {@code showA}, A takes the whole pane area again. */
    private void closeSplit(boolean showA) {
        if (split == null) return;
        SideBySide s = split;
        split = null;
        sideBySide.setSelected(false);
        try {
            s.b.deactivate();
        } catch (RuntimeException e) {
            message("Copy B did not stop cleanly: " + e.getMessage());
        } finally {
            s.hostB.scope().close();
        }
        if (currentPane != null && currentPane.view() instanceof Region r) r.setMinWidth(Region.USE_COMPUTED_SIZE);
        if (!showA || currentPane == null) return;
        paneHolder.getChildren().setAll(currentPane.view(), tryIt);
        paneTools.getChildren().setAll(currentPane.toolbarItems());
        parameterPanel.show(currentPane.parameters());
        runBar.bind(currentPane.controls());
        showRunStatus();
        showError(currentError());
    }

    /** Why the run stopped: the pane's reason, or each copy's while side by side; empty if it did not. */
    private String currentError() {
        if (split != null) return split.errorLine();
        return controls().map(c -> c.errorProperty().get()).orElse("");
    }

    boolean isFigureOnly() {
        return figureOnly.isSelected();
    }

    /** Whether the parameter panel is in the window (not for "figure only", nor a lesson without any). */
    boolean showsParameters() {
        if (compact) return parameterDrawer.isVisible() && parameterDrawer.getChildren().contains(sideColumns[1]);
        return main.getItems().contains(sideColumns[1]);
    }

    /**
     * The lesson column, the pane, and the parameter panel when the lesson has parameters; the pane alone
     * for "figure only". Dividers keep their places: the lesson column's width carries over, and the
     * parameter panel comes back as wide as it was.
     */
    private void arrangeColumns() {
        boolean left = !figureOnly.isSelected();
        boolean right = left && hasParameters();
        if (compact) {
            arrangeCompact(left, right);
            return;
        }
        if (root.getCenter() != main) {
            closeDrawers();
            compactCenter.getChildren().clear();
            lessonDrawer.getChildren().clear();
            parameterDrawer.getChildren().clear();
            root.setCenter(main);
            main.getItems().clear();
        }
        List<Node> want = new ArrayList<>();
        if (left) want.add(sideColumns[0]);
        want.add(centerColumn);
        if (right) want.add(sideColumns[1]);
        if (main.getItems().equals(want)) return;
        // Remember where the dividers are: [lesson | pane, pane | parameters], as fractions of the width.
        double[] d = main.getDividerPositions();
        boolean hadLeft = main.getItems().contains(sideColumns[0]);
        boolean hadRight = main.getItems().contains(sideColumns[1]);
        if (hadLeft && d.length > 0) columnDividers[0] = d[0];
        if (hadRight && d.length > 0) columnDividers[1] = d[d.length - 1];
        main.getItems().setAll(want);
        if (left && right) main.setDividerPositions(columnDividers[0], Math.max(columnDividers[1], columnDividers[0] + 0.2));
        else if (left) main.setDividerPositions(columnDividers[0]);
    }

    private boolean hasParameters() {
        return currentPane != null && currentPane.parameters() != null && !currentPane.parameters().specs().isEmpty();
    }

    /**
     * The window is compact in the projector theme, or when it is narrower than {@value #COMPACT_WIDTH} px
     * or shorter than {@value #COMPACT_HEIGHT} px, unless the user chose otherwise in the View menu.
     */
    private void updateCompact() {
        Scene scene = root.getScene();
        boolean small = scene != null && (scene.getWidth() < COMPACT_WIDTH || scene.getHeight() < COMPACT_HEIGHT);
        boolean want = compactChoice != null ? compactChoice : appearance.theme() == Theme.PROJECTOR || small;
        compactItem.setSelected(want);
        lessonDrawerItem.setDisable(!want);
        parameterDrawerItem.setDisable(!want);
        if (want == compact) return;
        compact = want;
        arrangeColumns();
    }

    /**
     * View › Compact layout: on, the figure takes the window between two narrow strips, and the lesson
     * column and the parameter panel open as drawers over it (F8, F7); off, the three columns come back. The
     * choice holds until the theme changes, when the layout follows the theme and the window's size again.
     */
    void setCompact(boolean on) {
        compactChoice = on;
        updateCompact();
    }

    /** Whether the window shows the compact layout. */
    boolean isCompact() {
        return compact;
    }

    /** Whether the lesson drawer (navigator and lesson text) is open over the figure. */
    boolean isLessonDrawerOpen() {
        return compact && lessonDrawer.isVisible();
    }

    /**
     * The compact layout: the pane alone in the middle, so that it keeps its size whichever drawer is open;
     * the strips' buttons (hidden for "figure only"; the right one also for a lesson without parameters)
     * open the lesson column and the parameter panel over it. The split pane lets go of the columns first,
     * since a node has one parent, after its dividers are remembered.
     */
    private void arrangeCompact(boolean left, boolean right) {
        if (root.getCenter() != compactView) {
            double[] d = main.getDividerPositions();
            if (main.getItems().contains(sideColumns[0]) && d.length > 0) columnDividers[0] = d[0];
            if (main.getItems().contains(sideColumns[1]) && d.length > 0) columnDividers[1] = d[d.length - 1];
            main.getItems().clear();
            lessonDrawer.getChildren().setAll(sideColumns[0]);
            parameterDrawer.getChildren().setAll(sideColumns[1]);
            compactCenter.getChildren().setAll(centerColumn, lessonDrawer, parameterDrawer);
            root.setCenter(compactView);
        }
        sizeDrawers();
        show(lessonStrip, left);
        show(parameterStrip, right);
        if (!left) lessonDrawer.setVisible(false);
        if (!right) parameterDrawer.setVisible(false);
    }

    private static void show(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }

    /** The lesson drawer takes 40 % of the window's width (at least 20 em), so that some of the figure stays in view. */
    private void sizeDrawers() {
        Scene scene = root.getScene();
        double width = scene == null ? 1000 : scene.getWidth();
        double drawer = Math.max(20 * appearance.fontSize(), 0.4 * width);
        lessonDrawer.setMaxWidth(drawer);
        lessonDrawer.setPrefWidth(drawer);
    }

    /** Opens {@code drawer} (closing the other one) or closes it; outside the compact layout it says how to get one. */
    private void toggleDrawer(StackPane drawer) {
        if (!compact) {
            message("The drawers belong to the compact layout: View › Compact layout.");
            return;
        }
        boolean open = !drawer.isVisible();
        if (open && (drawer == lessonDrawer ? !lessonStrip.isVisible() : !parameterStrip.isVisible())) return;
        closeDrawers();
        drawer.setVisible(open);
        if (!open) focusPane();
    }

    private void closeDrawers() {
        boolean wasOpen = lessonDrawer.isVisible() || parameterDrawer.isVisible();
        lessonDrawer.setVisible(false);
        parameterDrawer.setVisible(false);
        if (wasOpen) focusPane();
    }

    /**
     * A narrow column with one toggle button whose caption reads bottom to top, for the side of the compact
     * layout; the button stays pressed while its drawer is open.
     */
    private static VBox strip(String caption, String id, String tip, StackPane drawer, Runnable action) {
        Label text = new Label(caption);
        text.setRotate(-90);
        ToggleButton button = new ToggleButton();
        button.setGraphic(new Group(text));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> {
            action.run();
            button.setSelected(drawer.isVisible());
        });
        drawer.visibleProperty().addListener((obs, o, n) -> button.setSelected(n));
        VBox strip = new VBox(button);
        strip.getStyleClass().add("side-strip");
        strip.setAlignment(Pos.TOP_CENTER);
        strip.setPadding(new Insets(6, 3, 6, 3));
        return strip;
    }

    /**
     * Makes {@code dialog} the window's: owned by it, with the theme's style sheets and the body font size,
     * so that a dialog on a projector is as legible as the window behind it.
     */
    private void ownDialog(Dialog<?> dialog) {
        dialog.initOwner(stage);
        Scene scene = root.getScene();
        if (scene != null) dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        dialog.getDialogPane().setStyle("-fx-font-size: "
                + String.format(java.util.Locale.ROOT, "%.1f", appearance.fontSize()) + "px;");
    }

    /**
     * Below this width or height (in px) the window switches to the compact layout on its own. The UI
     * tests' 1260 × 780 window and every larger one keep the three columns unless the theme is projector.
     */
    static final double COMPACT_WIDTH = 1100;
    static final double COMPACT_HEIGHT = 700;

    /** The keys and what they do, for Help › Keyboard shortcuts (F1). */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Space", "Run / pause"}, new String[] {"→", "Step"}, new String[] {"R", "Reset"},
            new String[] {"Ctrl Shift R", "Reset the lesson to its defaults (parameters, preset, choices)"},
            new String[] {"Enter / Esc", "In a parameter field: take / drop the value, then back to the pane"},
            new String[] {"Ctrl +  /  Ctrl −", "Zoom in / out (main keys or numpad)"}, new String[] {"Ctrl 0", "Actual size"},
            new String[] {"F9", "Figure only (hide the lesson text and parameters)"},
            new String[] {"F8  /  F7", "Compact layout: open or close the lesson drawer / the parameter drawer"},
            new String[] {"Esc", "Compact layout: close an open drawer"},
            new String[] {"Ctrl D", "Side by side: a second copy of the pane (B) with its own parameters and seed, run in step"},
            new String[] {"Ctrl T", "Show or hide the lesson's Try it checklist"},
            new String[] {"F11", "Full screen"},
            new String[] {"Ctrl E", "Export figure (PNG)"}, new String[] {"Ctrl Shift E", "Export chart data (CSV)"},
            new String[] {"Ctrl S  /  Ctrl O", "Save / open preset"}, new String[] {"Ctrl Q", "Quit"});

    /** The shortcuts as a two-column table: keys in one column, what they do aligned in the next. */
    private void showShortcuts() {
        javafx.scene.layout.GridPane table = new javafx.scene.layout.GridPane();
        table.setId("shortcut-table");
        table.setHgap(24);
        table.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.setStyle("-fx-font-weight: bold;");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(SHORTCUTS.get(i)[1]);
            what.setWrapText(true);
            table.addRow(i, key, what);
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.getDialogPane().setContent(table);
        ownDialog(alert);
        alert.setHeaderText("Keyboard shortcuts");
        alert.show();
    }

    /**
     * Help › Lesson problems: one line per problem in a read-only text area, so that a lecturer can select
     * and copy them, and so that a long list scrolls inside a dialog of at most 60 % of the window's
     * height instead of growing past the screen.
     */
    private void showProblems() {
        List<LessonProblem> problems = catalog.problems();
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Every lesson file loaded without a problem.", ButtonType.OK);
        ownDialog(alert);
        alert.setHeaderText(problems.size() == 1 ? "1 lesson problem" : problems.size() + " lesson problems");
        alert.setResizable(true);
        if (!problems.isEmpty()) {
            TextArea list = new TextArea(String.join("\n", problems.stream().map(LessonProblem::toString).toList()));
            list.setId("lesson-problems");
            list.setEditable(false);
            list.setWrapText(false);
            double lineHeight = appearance.fontSize() * 1.5;
            double room = Math.max(4 * lineHeight, stage.getHeight() * 0.6 - 10 * lineHeight);
            list.setPrefRowCount(Math.max(1, Math.min(problems.size(), (int) (room / lineHeight))));
            list.setPrefColumnCount(90);
            alert.getDialogPane().setContent(list);
            alert.getDialogPane().setMaxHeight(stage.getHeight() * 0.6);
            alert.getDialogPane().setMaxWidth(stage.getWidth() * 0.9);
        }
        alert.show();
    }

    private void showAbout() {
        Alert alert = AboutDialog.create();
        ownDialog(alert);
        alert.show();
    }

    private void applyAppearance() {
        Theme theme = appearance.theme();
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getStylesheets().setAll(
                    getClass().getResource("/assets/themes/base.css").toExternalForm(),
                    getClass().getResource(theme.stylesheet()).toExternalForm());
        }
        root.setStyle("-fx-font-size: " + String.format(java.util.Locale.ROOT, "%.1f", appearance.fontSize()) + "px;");
        lessonText.setBaseFontSize(appearance.fontSize() * 1.1);
        lessonText.setTextColor(theme.foreground());
        zoomLabel.setText(Math.round(appearance.zoomProperty().get() * 100) + " %");
    }

    // ---------------------------------------------------------------- closing

    /** The settings as they are now (size, theme, zoom, lesson, and each lesson's configuration). */
    public Settings currentSettings() {
        boolean max = stage.isMaximized();
        double w = max ? settings.width() : stage.getWidth();
        double h = max ? settings.height() : stage.getHeight();
        rememberLesson();
        return new Settings(w, h, max, appearance.theme().key(), appearance.zoomProperty().get(),
                currentLesson == null ? "" : currentLesson.id(), settings.lessons(), settings.tried());
    }

    private void close() {
        try {
            currentSettings().save(Settings.defaultPath());
        } catch (IOException e) {
            System.err.println("settings not saved: " + e.getMessage());
        }
        closePane();
    }

    /** Shows parts as headings and lessons by title, with the summary as tooltip. */
    private static final class OutlineCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("outline-part", "outline-lesson", "outline-empty");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof Part p) {
                setText(p.title());
                getStyleClass().add("outline-part");
            } else if (item instanceof Lesson l) {
                setText(l.title());
                getStyleClass().add("outline-lesson");
                if (l.summary() != null && !l.summary().isBlank()) setTooltip(new Tooltip(l.summary()));
            } else {
                setText(item.toString());
                getStyleClass().add("outline-empty");
            }
        }
    }
}
