package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LessonTextViewUiTest {

    static final String BELLMAN = "V^*(s) = \\max_a \\Big[ r(s,a) + \\gamma \\sum_{s'} p(s' \\mid s,a)\\, V^*(s') \\Big]";

    static final String SAMPLE = """
            # Dynamic programming

            The optimal value $V^*(s)$ obeys the **Bellman optimality equation**, here inline:
            $%s$, for every state $s \\in \\mathcal{S}$ and discount $\\gamma \\in [0, 1)$.

            The same equation as display math:

            $$%s$$

            ## Two steps

            1. *Evaluate* the policy: `V[s] = sum(p * (r + gamma * V))` costs $O(|S|^2 |A|)$ per sweep.
            2. *Improve* it:
               - act greedily with respect to $Q^\\pi(s,a)$
               - break ties by action index
            3. Repeat until $\\pi_{k+1} = \\pi_k$.

            > **Try it.** Load *sutton-barto-4.1*, set the step to one backup, press → and read the explain panel.

            | state | $V^*(s)$ | note |
            |:---|---:|:---:|
            | A | 24.4 | jumps to A′ |
            | B | 19.4 | $+5$ |

            ---

            A [link to value iteration](lesson:value-iteration) and a price of \\$5.
            """.formatted(BELLMAN, BELLMAN);

    private LessonTextView view;
    private StackPane root;

    @Start
    void start(Stage stage) {
        view = new LessonTextView();
        root = new StackPane(view);
        // Monocle's headless screen is 1280×800; a larger window overflows its frame buffer.
        stage.setScene(new Scene(root, 720, 760));
        stage.show();
    }

    private void show(FxRobot robot, String markdown) {
        robot.interact(() -> view.setMarkdown(markdown));
        awaitRendered(robot, view);
    }

    /** Waits (at most 10 s) until the view shows its newest change, then lays it out. */
    static void awaitRendered(FxRobot robot, LessonTextView view) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> !view.isRendering()).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the lesson text did not render within 10 s", e);
        }
        robot.interact(() -> {
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
        });
    }

    @Test
    void mathLeavesNoDollarSignInAnyText(FxRobot robot) {
        show(robot, "Inline $" + BELLMAN + "$ here.\n\n$$" + BELLMAN + "$$\n");

        List<Text> texts = all(view, Text.class);
        assertFalse(texts.isEmpty());
        texts.forEach(t -> assertFalse(t.getText().contains("$"), t.getText()));
    }

    @Test
    void inlineAndDisplayMathAreTypesetNodesWithSize(FxRobot robot) {
        show(robot, "Inline $" + BELLMAN + "$ here.\n\n$$" + BELLMAN + "$$\n");

        List<MathView> math = all(view, MathView.class);
        assertEquals(2, math.size());
        for (MathView m : math) {
            assertTrue(m.getWidth() > 0 && m.getHeight() > 0, m.latex());
            assertEquals(BELLMAN, m.latex());
        }
        assertTrue(math.get(0).getStyleClass().contains("lesson-math"));
        assertTrue(math.get(0).getParent() instanceof TextFlow, "inline math sits in the text flow");
        assertTrue(math.get(1).getParent().getStyleClass().contains("lesson-math-display"));
        assertTrue(math.get(1).getHeight() > math.get(0).getHeight(), "display style is taller");
    }

    @Test
    void dollarInCodeSpanStaysLiteral(FxRobot robot) {
        show(robot, "Type `echo $x$` in a shell.\n");

        assertEquals(List.of(), all(view, MathView.class));
        assertTrue(all(view, Text.class).stream()
                .anyMatch(t -> t.getText().equals("echo $x$") && t.getStyleClass().contains("lesson-code")));
    }

    @Test
    void escapedDollarIsShownAsADollar(FxRobot robot) {
        show(robot, "A price of \\$5.\n");

        assertEquals("A price of $5.", text(all(view, TextFlow.class).get(0)));
    }

    @Test
    void brokenLatexShowsAnErrorNodeAndTheRestStillRenders(FxRobot robot) {
        show(robot, "Broken $\\frac{1}{$ but $x^2$ is fine.\n\nNext paragraph.\n");

        List<Label> errors = all(view, Label.class).stream()
                .filter(l -> l.getStyleClass().contains("lesson-math-error")).toList();
        assertEquals(1, errors.size());
        assertEquals("$\\frac{1}{$", errors.get(0).getText());
        assertTrue(errors.get(0).getTooltip().getText().contains("never closed"), errors.get(0).getTooltip().getText());
        assertEquals(1, all(view, MathView.class).size());
        assertTrue(all(view, Text.class).stream().anyMatch(t -> t.getText().equals("Next paragraph.")));
    }

    @Test
    void unknownCommandIsAnErrorNodeToo(FxRobot robot) {
        show(robot, "See $\\nosuchcommand x$.\n");

        Label error = (Label) view.lookup(".lesson-math-error");
        assertTrue(error.getTooltip().getText().contains("nosuchcommand"), error.getTooltip().getText());
    }

    @Test
    void headingAndNestedListRender(FxRobot robot) {
        show(robot, "# Policy iteration\n\n1. Evaluate\n2. Improve\n   - greedy\n   - ties\n");

        TextFlow h1 = (TextFlow) view.lookup(".lesson-h1");
        assertEquals("Policy iteration", text(h1));
        assertEquals(MarkdownRenderer.HEADING_SCALE[0] * 16, ((Text) h1.getChildren().get(0)).getFont().getSize(), 1e-4);
        List<Node> lists = new ArrayList<>(view.lookupAll(".lesson-list"));
        assertEquals(2, lists.size());
        assertEquals(2, ((Parent) lists.get(0)).getChildrenUnmodifiable().size());
        List<String> markers = all(view, Text.class).stream()
                .filter(t -> t.getStyleClass().contains("lesson-list-marker")).map(Text::getText).toList();
        assertEquals(List.of("1.", "2.", "◦", "◦"), markers);
    }

    @Test
    void longParagraphWrapsToTheWidth(FxRobot robot) {
        show(robot, "word ".repeat(400));

        TextFlow p = (TextFlow) view.lookup(".lesson-paragraph");
        assertTrue(p.getWidth() <= view.getViewportBounds().getWidth(), p.getWidth() + " wide");
        assertTrue(p.getHeight() > 10 * 16, "wrapped over many lines: " + p.getHeight());
    }

    @Test
    void displayMathShrinksToFitANarrowViewAtProjectorSize(FxRobot robot) throws IOException {
        robot.interact(() -> {
            view.setBaseFontSize(30);
            view.setMaxWidth(420);
        });
        show(robot, "## At the projector\n\nThe optimal value $V^*(s)$ solves\n\n$$" + BELLMAN + "$$\n\nfor every $s$.\n");

        MathView display = all(view, MathView.class).get(1);
        double viewport = view.getViewportBounds().getWidth();
        assertTrue(display.prefWidth(-1) > viewport, "the equation is wider than the view");
        assertTrue(display.getBoundsInParent().getMaxX() <= viewport, display.getBoundsInParent() + " in " + viewport);
        assertTrue(display.getHeight() < display.prefHeight(-1), "it shrinks in height as well");
        snapshot(robot, "lesson-text-projector.png", Color.WHITE);
    }

    @Test
    void clickingALinkCallsBackWithItsDestination(FxRobot robot) {
        AtomicReference<String> clicked = new AtomicReference<>();
        robot.interact(() -> view.setOnLinkClicked(clicked::set));
        show(robot, "Go to [value iteration](lesson:value-iteration).\n");

        robot.clickOn(view.lookup(".lesson-link"));

        assertEquals("lesson:value-iteration", clicked.get());
        assertEquals("value iteration", ((Hyperlink) view.lookup(".lesson-link")).getText());
    }

    @Test
    void baseFontSizeScalesTextAndMath(FxRobot robot) {
        show(robot, "Size $x$.\n");
        double small = all(view, MathView.class).get(0).getWidth();

        robot.interact(() -> view.setBaseFontSize(32));
        awaitRendered(robot, view);

        assertEquals(32, ((Text) view.lookup(".lesson-run")).getFont().getSize(), 1e-9);
        double large = all(view, MathView.class).get(0).getWidth();
        assertEquals(2, large / small, 0.25, "math width " + small + " → " + large);
    }

    @Test
    void snapshotsLookRightInLightAndDarkThemes(FxRobot robot) throws Exception {
        show(robot, SAMPLE);
        Path light = snapshot(robot, "lesson-text-light.png", Color.WHITE);

        Path css = Files.createTempFile("dark", ".css");
        Files.writeString(css, ".root { -fx-base: #2b2b2b; -fx-background: #1e1f22; -fx-accent: #6ea8fe; }");
        robot.interact(() -> {
            root.getScene().getStylesheets().add(css.toUri().toString());
            view.setTextColor(Color.web("#e6e6e6"));
            view.setBaseFontSize(20);
        });
        awaitRendered(robot, view);
        Path dark = snapshot(robot, "lesson-text-dark.png", Color.web("#1e1f22"));

        assertTrue(Files.size(light) > 1000 && Files.size(dark) > 1000);
    }

    /** The whole text, also the part scrolled out of view, on the theme's background. */
    private Path snapshot(FxRobot robot, String name, Color background) throws IOException {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background);
        robot.interact(() -> image.set(view.getContent().snapshot(params, null)));
        File dir = new File(System.getProperty("mbrllab.snapshots", "target"));
        dir.mkdirs();
        File file = new File(dir, name);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file);
        return file.toPath();
    }

    static String text(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        flow.getChildren().forEach(n -> {
            if (n instanceof Text t) sb.append(t.getText());
        });
        return sb.toString();
    }

    static <T> List<T> all(Node node, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(node, type, out);
        return out;
    }

    private static <T> void collect(Node node, Class<T> type, List<T> out) {
        if (type.isInstance(node)) out.add(type.cast(node));
        if (node instanceof Parent p) p.getChildrenUnmodifiable().forEach(c -> collect(c, type, out));
    }
}
