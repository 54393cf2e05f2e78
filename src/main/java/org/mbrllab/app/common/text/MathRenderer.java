package org.mbrllab.app.common.text;

import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

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
 */
final class MathRenderer {

    /** Drawing scale relative to the size shown. */
    static final double OVERSAMPLE = 2;
    /**
     * TeX size relative to the surrounding text size. Computer Modern has a small x-height; at 1.2× its
     * lower-case letters match those of a typical sans-serif UI font (KaTeX uses 1.21 for the same reason).
     */
    static final double MATH_TO_TEXT = 1.2;
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

    /** A formula that could not be typeset, and why. */
    record Failed(String message) implements Result {}

    private record Key(String latex, double size, int argb, boolean display) {}

    private static final Map<Key, Result> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private MathRenderer() {}

    /**
     * Typesets {@code latex} to match text of {@code textSize} pixels.
     *
     * @param display display style (large operators, limits below) rather than inline text style
     */
    static synchronized Result render(String latex, double textSize, Color color, boolean display) {
        Key key = new Key(latex, textSize, argb(color), display);
        return CACHE.computeIfAbsent(key, k -> typeset(latex, textSize, color, display));
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
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            try {
                icon.paintIcon(null, g, 0, 0);
            } finally {
                g.dispose();
            }
            Image fx = SwingFXUtils.toFXImage(img, null);
            return new Typeset(fx, w / OVERSAMPLE, h / OVERSAMPLE, (h - icon.getIconDepth()) / OVERSAMPLE);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) throw (VirtualMachineError) e;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Failed(message.strip());
        }
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
