package org.mbrllab.app.common.text;

import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets TeX with JLaTeXMath into JavaFX images, cached by (TeX, size, colour, display style).
 *
 * <p>Formulas are drawn at {@link #OVERSAMPLE} times their size and shown scaled down, so they stay sharp
 * on high-density screens and under the projector theme's zoom. JLaTeXMath accepts some malformed input
 * silently (an unclosed {@code \frac{1}{} draws a fraction with an empty denominator), so braces are
 * checked first; an error is returned, never thrown.
 *
 * <p>Lessons are data, so every formula first passes {@link FormulaLimits}, and is then typeset on a
 * daemon worker thread (with a large stack) under a time budget of {@link #FORMULA_TIME_BUDGET_MS}. The
 * checks are what make typesetting finish; the budget is the backstop. JLaTeXMath cannot be interrupted,
 * so a worker that overruns is abandoned (left to finish on its own) and a new one takes over; once
 * {@link #MAX_ABANDONED_WORKERS} abandoned workers are still running, no more formulas are typeset, so a
 * formula that somehow never ends cannot take every core. Nothing here needs the FX thread: the image is
 * a JavaFX {@code WritableImage}, which may be made on any thread.
 */
final class MathRenderer {

    /** Drawing scale relative to the size shown. */
    static final double OVERSAMPLE = 2;
    /**
     * TeX size relative to the surrounding text size. Computer Modern has a small x-height; at 1.2× its
     * lower-case letters match those of a typical sans-serif UI font (KaTeX uses 1.21 for the same reason).
     */
    static final double MATH_TO_TEXT = 1.2;
    /**
     * Time one formula may take to parse, lay out and draw, in milliseconds. A bundled formula takes a
     * few milliseconds; the margin covers a busy machine. The first formula also loads JLaTeXMath's
     * fonts, which is not counted (see {@link #WARM_UP_BUDGET_MS}).
     */
    static final long FORMULA_TIME_BUDGET_MS = 500;
    /** Time JLaTeXMath may take to load its fonts and tables, once, before the first formula. */
    static final long WARM_UP_BUDGET_MS = 30_000;
    /** Largest image drawn for one formula, in drawn pixels (width × height, at {@link #OVERSAMPLE}). */
    static final long MAX_FORMULA_PIXELS = 8_000_000;
    /** Abandoned workers that may still be running before math typesetting stops for this run of the app. */
    static final int MAX_ABANDONED_WORKERS = 2;
    /** Stack of a worker thread, in bytes: deep but allowed nesting recurses in JLaTeXMath's layout. */
    private static final long WORKER_STACK_BYTES = 16L << 20;
    /** Clear space around the glyphs, in drawn pixels, against JLaTeXMath's slightly tight boxes. */
    private static final int PAD = 2;
    private static final int CACHE_SIZE = 512;

    /** What the renderer produced. */
    sealed interface Result permits Typeset, Failed {}

    /**
     * A typeset formula.
     *
     * @param image    drawn at {@link #OVERSAMPLE}× the size shown
     * @param width    width shown, in pixels
     * @param height   height shown, in pixels
     * @param baseline distance from the top to the baseline shown, in pixels
     */
    record Typeset(Image image, double width, double height, double baseline) implements Result {}

    /**
     * A formula that was not typeset.
     *
     * @param message why, for the tooltip
     * @param note    a short phrase shown next to the source ("too deeply nested"), or {@code null} for
     *                a plain TeX error, which the highlighted source and its tooltip explain
     */
    record Failed(String message, String note) implements Result {
        Failed(String message) {
            this(message, null);
        }
    }

    private record Key(String latex, double size, int argb, boolean display) {}

    private static final Map<Key, Result> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The current worker, or null before the first formula and after one was abandoned. */
    private static ExecutorService worker;
    private static Thread workerThread;
    private static final List<Thread> abandoned = new ArrayList<>();
    private static boolean warm;

    private MathRenderer() {}

    /**
     * Typesets {@code latex} to match text of {@code textSize} pixels. Blocks the calling thread for at
     * most about {@link #FORMULA_TIME_BUDGET_MS} (plus the warm-up, once), so don't call it on the FX
     * thread. Calls are serialised: JLaTeXMath's parser keeps global tables.
     *
     * @param display display style (large operators, limits below) rather than inline text style
     */
    static synchronized Result render(String latex, double textSize, Color color, boolean display) {
        String refusal = FormulaLimits.refusal(latex);
        if (refusal != null) return new Failed("Not typeset: " + refusal + ".", refusal);
        Key key = new Key(latex, textSize, argb(color), display);
        Result cached = CACHE.get(key);
        if (cached != null) return cached;
        Result result = typesetInTime(latex, textSize, color, display);
        CACHE.put(key, result);
        return result;
    }

    private static Result typesetInTime(String latex, double textSize, Color color, boolean display) {
        abandoned.removeIf(t -> !t.isAlive());
        if (abandoned.size() >= MAX_ABANDONED_WORKERS) {
            return new Failed("Math typesetting stopped: earlier formulas never finished.", "math typesetting stopped");
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(null, r, "lesson-math", WORKER_STACK_BYTES);
                t.setDaemon(true);
                workerThread = t;
                return t;
            });
        }
        if (!warm) {
            Result first = runInTime(() -> typeset("x", 16, Color.BLACK, false), WARM_UP_BUDGET_MS);
            if (first instanceof Failed f) return f;
            warm = true;
        }
        return runInTime(() -> typeset(latex, textSize, color, display), FORMULA_TIME_BUDGET_MS);
    }

    private static Result runInTime(Callable<Result> job, long budgetMs) {
        Future<Result> future = worker.submit(job);
        try {
            return future.get(budgetMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);                               // JLaTeXMath ignores it, but the thread may not
            worker.shutdownNow();
            if (workerThread != null) abandoned.add(workerThread);
            worker = null;
            workerThread = null;
            return new Failed("Not typeset: it took longer than " + budgetMs + " ms.", "took too long");
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("Not typeset: interrupted.", "interrupted");
        }
    }

    private static Result typeset(String latex, double textSize, Color color, boolean display) {
        try {
            checkBraces(latex);
            TeXFormula formula = new TeXFormula(latex);
            TeXIcon icon = formula.new TeXIconBuilder()
                    .setStyle(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT)
                    .setSize((float) (textSize * MATH_TO_TEXT * OVERSAMPLE))
                    .setFGColor(new java.awt.Color((float) color.getRed(), (float) color.getGreen(),
                            (float) color.getBlue(), (float) color.getOpacity()))
                    .setTrueValues(true)
                    .build();
            icon.setInsets(new Insets(PAD, PAD, PAD, PAD), true);
            int w = Math.max(1, icon.getIconWidth());
            int h = Math.max(1, icon.getIconHeight());
            if ((long) w * h > MAX_FORMULA_PIXELS) {
                return new Failed("Not typeset: it would be " + w + " × " + h + " pixels.", "too large");
            }
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            try {
                icon.paintIcon(null, g, 0, 0);
            } finally {
                g.dispose();
            }
            Image fx = SwingFXUtils.toFXImage(img, null);
            return new Typeset(fx, w / OVERSAMPLE, h / OVERSAMPLE, (h - icon.getIconDepth()) / OVERSAMPLE);
        } catch (Throwable e) {
            return failure(e);
        }
    }

    /** A failure for anything JLaTeXMath throws, including a stack overflow or running out of memory. */
    private static Failed failure(Throwable e) {
        if (e instanceof StackOverflowError) return new Failed("Not typeset: nested too deeply for the parser.", "too deeply nested");
        if (e instanceof OutOfMemoryError) return new Failed("Not typeset: it needs too much memory.", "too large");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Failed(message.strip());
    }

    /** Throws when a {@code {} is not closed or a {@code }} not opened ({@code \{} and {@code \}} are literal). */
    static void checkBraces(String latex) {
        int depth = 0;
        for (int i = 0; i < latex.length(); i++) {
            char c = latex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                throw new IllegalArgumentException("a '}' at position " + (i + 1) + " closes nothing");
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException(depth == 1 ? "a '{' is never closed" : depth + " '{' are never closed");
        }
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
