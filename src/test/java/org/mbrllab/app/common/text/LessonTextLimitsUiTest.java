package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mbrllab.app.common.text.LessonTextViewUiTest.all;
import static org.mbrllab.app.common.text.LessonTextViewUiTest.awaitRendered;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Hostile or broken lessons finish rendering, show what they can, and reach nothing outside. */
@ExtendWith(ApplicationExtension.class)
class LessonTextLimitsUiTest {

    /** Generous: each case renders in well under a second on an idle machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private LessonTextView view;

    @Start
    void start(Stage stage) {
        view = new LessonTextView();
        stage.setScene(new Scene(new StackPane(view), 720, 760));
        stage.show();
    }

    private void show(FxRobot robot, String markdown) {
        assertTimeoutPreemptively(BOUND, () -> {
            robot.interact(() -> view.setMarkdown(markdown));
            awaitRendered(robot, view);
        });
    }

    private String allText() {
        return all(view, Text.class).stream().map(Text::getText).collect(Collectors.joining(" "))
                + " " + all(view, Label.class).stream().map(Label::getText).collect(Collectors.joining(" "));
    }

    private Label mathError() {
        List<Label> errors = all(view, Label.class).stream()
                .filter(l -> l.getStyleClass().contains("lesson-math-error")).toList();
        assertEquals(1, errors.size(), allText());
        return errors.get(0);
    }

    @Test
    void recursiveMacroShowsItsSourceWithANoteInsteadOfHanging(FxRobot robot) {
        String formula = "$\\newcommand{\\boom}{\\boom\\boom}\\boom$";
        show(robot, formula + "\n");

        assertEquals(formula, mathError().getText());
        assertTrue(allText().contains("formula not shown: \\newcommand is not allowed in lessons"), allText());
    }

    @Test
    void thousandsOfNestedFractionsShowTheSourceWithANote(FxRobot robot) {
        String formula = "$" + "\\frac{1}{".repeat(2000) + "x" + "}".repeat(2000) + "$";
        show(robot, "Before.\n\n" + formula + "\n\nAfter.\n");

        assertEquals(formula, mathError().getText());
        assertTrue(allText().contains("formula not shown: too long"), "over 4000 characters: " + allText());
        String deep = "$" + "\\frac{1}{".repeat(100) + "x" + "}".repeat(100) + "$";
        show(robot, deep + "\n");
        assertTrue(allText().contains("formula not shown: too deeply nested"), allText());
    }

    @Test
    void thousandsOfNestedQuotesRenderTheirTextAtALimitedDepth(FxRobot robot) {
        show(robot, "# Old lesson\n");
        show(robot, ">".repeat(5000) + " deep text\n\n" + "- ".repeat(5000) + "deep item\n");

        String text = allText();
        assertTrue(text.contains("deep text") && text.contains("deep item"), text);
        assertFalse(text.contains("Old lesson"));
        assertEquals(MarkdownRenderer.MAX_NESTING, maxDepth(view, "lesson-quote"));
        assertTrue(maxDepth(view, "lesson-list") <= MarkdownRenderer.MAX_NESTING);
    }

    @Test
    void listsNestedDeeplyByIndentationShowTheirTextWithANote(FxRobot robot) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 300; i++) md.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        show(robot, md.toString());

        String text = allText();
        assertTrue(text.contains("level 299") && text.contains("nested too deeply to format"), text);
        assertTrue(maxDepth(view, "lesson-list") <= MarkdownRenderer.MAX_NESTING);
    }

    @Test
    void tenMegabyteLessonIsCutWithAVisibleNote(FxRobot robot) {
        String lesson = LessonTextViewUiTest.SAMPLE.repeat(10_000_000 / LessonTextViewUiTest.SAMPLE.length() + 1);
        assertTrue(lesson.length() > 10_000_000);
        show(robot, lesson);

        List<Text> notes = all(view, Text.class).stream()
                .filter(t -> t.getStyleClass().contains("lesson-limit-note")).toList();
        assertFalse(notes.isEmpty());
        assertTrue(notes.get(notes.size() - 1).getText().startsWith("The lesson text is cut off here"),
                notes.get(notes.size() - 1).getText());
    }

    @Test
    void lessonWithManyLoneDollarsRendersInTime(FxRobot robot) {
        show(robot, "$a ".repeat(300_000));                  // quadratic search for the closing $ before

        assertTrue(allText().startsWith("$a $a"), allText().substring(0, 20));
    }

    @Test
    void includegraphicsAndMarkdownImagesNeverFetchTheirUrl(FxRobot robot) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String formula = "$\\includegraphics{" + url + "/formula.png}$";
            show(robot, "See " + formula + " and ![a picture](" + url + "/image.png).\n\n"
                    + "<img src=\"" + url + "/html.png\">\n");

            assertEquals(formula, mathError().getText());
            assertTrue(allText().contains("formula not shown: \\includegraphics is not allowed in lessons"), allText());
            assertTrue(allText().contains("[a picture]"), allText());
            Thread.sleep(300);                                 // a fetch started in the background would land by now
            assertEquals(0, requests.get(), "requests to " + url);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSlowFirstLessonNeverShowsAfterTheSecondWasChosen(FxRobot robot) throws Exception {
        show(robot, "Lesson zero.\n");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch slow = new CountDownLatch(1);
        List<String> shownAfterSwitch = new ArrayList<>();
        robot.interact(() -> {
            view.beforeRender = () -> {
                started.countDown();
                try {
                    slow.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            view.setMarkdown("Lesson one: $x^2$.\n");
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "lesson one started rendering");
        robot.interact(() -> {
            view.beforeRender = () -> {};
            view.setMarkdown("Lesson two.\n");
            ((Parent) view.getContent()).getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c ->
                    shownAfterSwitch.add(allText()));
        });
        slow.countDown();
        assertTimeoutPreemptively(BOUND, () -> awaitRendered(robot, view));

        assertTrue(allText().contains("Lesson two."), allText());
        assertFalse(shownAfterSwitch.isEmpty());
        shownAfterSwitch.forEach(t -> assertFalse(t.contains("Lesson one"), t));
    }

    @Test
    void aFailedRenderReplacesThePreviousLessonWithAnError(FxRobot robot) {
        show(robot, "Lesson zero.\n");
        robot.interact(() -> view.beforeRender = () -> {
            throw new StackOverflowError();
        });
        show(robot, "Lesson one.\n");

        String text = allText();
        assertFalse(text.contains("Lesson zero"), text);
        assertTrue(text.contains("This text could not be shown: it is nested too deeply."), text);
        robot.interact(() -> view.beforeRender = () -> {});
        show(robot, "Lesson two.\n");
        assertTrue(allText().contains("Lesson two."), "the view recovers: " + allText());
    }

    /** The most nodes with {@code styleClass} on any path from the view down. */
    private static int maxDepth(Node node, String styleClass) {
        int below = 0;
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) below = Math.max(below, maxDepth(c, styleClass));
        }
        return below + (node.getStyleClass().contains(styleClass) ? 1 : 0);
    }
}
