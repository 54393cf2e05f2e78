package org.mbrllab.app.common.search;

import javafx.scene.paint.Color;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.games.Side;

/**
 * The colours of the two sides, the same on the board, in the tree and in the inspector: blue for X and
 * vermillion for O (Okabe &amp; Ito's colour-blind-safe pair), lighter on the dark theme.
 */
public final class SideColors {
    private SideColors() {}

    public static Color of(int side, Theme theme) {
        boolean dark = theme == Theme.DARK;
        if (side == Side.X) return dark ? Color.web("#56b4e9") : Color.web("#0072b2");
        if (side == Side.O) return dark ? Color.web("#f0a060") : Color.web("#d55e00");
        return theme.muted();
    }

    /** Good values (a win, Q > 0) and bad ones, for backup badges. */
    public static Color good(Theme theme) {
        return theme == Theme.DARK ? Color.web("#7bd88f") : Color.web("#1a7f37");
    }

    public static Color bad(Theme theme) {
        return theme == Theme.DARK ? Color.web("#ff7b72") : Color.web("#b3261e");
    }
}
