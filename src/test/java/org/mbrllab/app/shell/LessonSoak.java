package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson-switch soak, run by hand (its name keeps it out of the suite):
 * {@code mvn test -Dtest=LessonSoak -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.switches=300] [-Dsoak.lessons=a,b]}.
 * Every lesson in turn, a run started on each, with the app's threaded runners; prints the heap after a
 * full GC (with and without JavaFX's soft caches) and the live threads before and after, and fails if
 * what is strongly reachable grew by 100 MB or more. {@code -Dsoak.histogram=true} also prints the top
 * of the class histogram at the end.
 */
@ExtendWith(ApplicationExtension.class)
class LessonSoak {

    /** The lessons switched between; {@code -Dsoak.lessons=a,b,…} for others. */
    private static final List<String> LESSONS = List.of(System.getProperty("soak.lessons",
            "dynamic-programming,mcts,alphazero,lqr,ilqr,mpc,model-bias,uncertainty,ensembles,model-based-planning,"
                    + "dyna,me-trpo,world-models,dreamer,tokens,which-method").split(","));

    private MainWindow window;

    private Stage own;

    /** On a stage of its own ({@link OwnStage}), with the app's threaded runners. */
    @Start
    void start(Stage stage) {
        OwnStage opened = OwnStage.open(new Settings(1260, 780, false, "light", 1.0, "which-method"), RunnerFactory.threaded());
        own = opened.stage();
        window = opened.window();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(own::close);
    }

    private void open(FxRobot robot, String id) {
        robot.interact(() -> {
            window.selectLesson(id);
            var controls = window.currentPane().orElseThrow().controls();
            if (controls != null && !controls.runningProperty().get()) controls.toggleRun();
        });
        WaitForAsyncUtils.sleep(60, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The heap after GC once every soft reference is cleared: the JVM clears them all before it gives up
     * with an OutOfMemoryError, so the heap is filled until it does. What remains is what is strongly
     * reachable; JavaFX's soft caches (textures, glyphs) grow with use and go under memory pressure.
     */
    private static long strongHeapAfterGc() throws InterruptedException {
        java.util.List<byte[]> fill = new java.util.ArrayList<>();
        try {
            while (true) fill.add(new byte[64 << 20]);
        } catch (OutOfMemoryError e) {
            fill = null;
        }
        return heapAfterGc();
    }

    @Test
    void switchingLessonsKeepsTheHeapFlat(FxRobot robot) throws Exception {
        int switches = Integer.getInteger("soak.switches", 300);
        // One round first, so that every class, font and ND4J's natives are loaded before the baseline.
        for (String id : LESSONS) open(robot, id);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        long heap0 = heapAfterGc();
        long strong0 = strongHeapAfterGc();
        int threads0 = Thread.activeCount();
        long start = System.nanoTime();
        for (int i = 0; i < switches; i++) open(robot, LESSONS.get(i % LESSONS.size()));
        open(robot, "which-method");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        long heap1 = heapAfterGc();
        long strong1 = strongHeapAfterGc();
        int threads1 = Thread.activeCount();
        System.out.printf("soak: %d switches in %.0f s; heap after GC %.1f MB -> %.1f MB (%+.1f MB); with soft references"
                        + " cleared %.1f MB -> %.1f MB (%+.1f MB); threads %d -> %d%n",
                switches, (System.nanoTime() - start) / 1e9, heap0 / 1e6, heap1 / 1e6, (heap1 - heap0) / 1e6,
                strong0 / 1e6, strong1 / 1e6, (strong1 - strong0) / 1e6, threads0, threads1);
        if (Boolean.getBoolean("soak.histogram")) {
            long pid = ProcessHandle.current().pid();
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            out.lines().limit(40).forEach(System.out::println);
        }
        assertTrue(strong1 - strong0 < 100_000_000L, "the heap grew by " + (strong1 - strong0) / 1e6 + " MB");
    }
}
