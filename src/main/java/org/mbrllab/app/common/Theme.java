package org.mbrllab.app.common;

import javafx.scene.paint.Color;

/**
 * The three looks of the app. Each names its style sheet and the few colours that code draws with
 * (canvases, charts, math), so that drawing follows the theme as CSS does.
 */
public enum Theme {
    LIGHT("light", "Light", 14, Color.web("#fbfbfa"), Color.web("#1d1d1f"), Color.web("#6b6b70"),
            Color.web("#d0d0d4"), Color.web("#0a6ebd"), Color.web("#e0a100")),
    DARK("dark", "Dark", 14, Color.web("#1e1f22"), Color.web("#e8e8ea"), Color.web("#a0a0a8"),
            Color.web("#45464c"), Color.web("#5aa9f0"), Color.web("#ffcc33")),
    /** High contrast and large type, for a lecture hall. */
    PROJECTOR("projector", "Projector", 20, Color.WHITE, Color.BLACK, Color.web("#333333"),
            Color.web("#888888"), Color.web("#0050b0"), Color.web("#ff8c00"));

    private final String key;
    private final String title;
    private final double baseFontSize;
    private final Color background;
    private final Color foreground;
    private final Color muted;
    private final Color gridLine;
    private final Color accent;
    private final Color highlight;

    Theme(String key, String title, double baseFontSize, Color background, Color foreground, Color muted,
          Color gridLine, Color accent, Color highlight) {
        this.key = key;
        this.title = title;
        this.baseFontSize = baseFontSize;
        this.background = background;
        this.foreground = foreground;
        this.muted = muted;
        this.gridLine = gridLine;
        this.accent = accent;
        this.highlight = highlight;
    }

    public String key() { return key; }
    public String title() { return title; }
    /** Font size in px at zoom 100 %. */
    public double baseFontSize() { return baseFontSize; }
    public Color background() { return background; }
    public Color foreground() { return foreground; }
    public Color muted() { return muted; }
    public Color gridLine() { return gridLine; }
    public Color accent() { return accent; }
    /** Marks the state being backed up, the agent, the current path. */
    public Color highlight() { return highlight; }

    /** The classpath location of the theme's style sheet. */
    public String stylesheet() {
        return "/assets/themes/" + key + ".css";
    }

    public static Theme fromKey(String key) {
        for (Theme t : values()) if (t.key.equalsIgnoreCase(key)) return t;
        return LIGHT;
    }
}
