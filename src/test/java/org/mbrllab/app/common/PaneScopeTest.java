package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

/** The lesson's scope: what is registered there stops at close, newest first, and nothing after. */
class PaneScopeTest {

    @Test
    void followSeesTheCurrentValueAndChangesUntilClose() {
        SimpleIntegerProperty p = new SimpleIntegerProperty(1);
        List<Integer> seen = new ArrayList<>();
        PaneScope scope = new PaneScope();
        scope.follow(p, v -> seen.add(v.intValue()));
        p.set(2);
        scope.close();
        p.set(3);
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void onChangeStopsAtClose() {
        SimpleIntegerProperty a = new SimpleIntegerProperty();
        SimpleIntegerProperty b = new SimpleIntegerProperty();
        int[] calls = {0};
        PaneScope scope = new PaneScope();
        scope.onChange(() -> calls[0]++, a, b);
        a.set(1);
        b.set(1);
        scope.close();
        a.set(2);
        b.set(2);
        assertEquals(2, calls[0]);
    }

    @Test
    void releasesNewestFirstAndOnlyOnce() {
        List<String> order = new ArrayList<>();
        PaneScope scope = new PaneScope();
        scope.onClose(() -> order.add("first"));
        scope.own(() -> order.add("runner"));
        scope.close();
        scope.close();
        assertEquals(List.of("runner", "first"), order);
    }

    @Test
    void registeringWithAClosedScopeReleasesAtOnce() {
        PaneScope scope = new PaneScope();
        scope.close();
        int[] released = {0};
        scope.onClose(() -> released[0]++);
        assertEquals(1, released[0]);
        assertTrue(scope.isClosed());
    }

    @Test
    void aFailingReleaseDoesNotStopTheOthers() {
        PaneScope scope = new PaneScope();
        int[] released = {0};
        scope.onClose(() -> released[0]++);
        scope.onClose(() -> { throw new IllegalStateException("boom"); });
        scope.onClose(() -> released[0]++);
        assertThrows(IllegalStateException.class, scope::close);
        assertEquals(2, released[0]);
    }

    /** A pane's appearance follows the window's while the lesson is open, then holds no link to it. */
    @Test
    void paneAppearanceFollowsTheWindowUntilTheScopeCloses() {
        Appearance window = new Appearance();
        PaneScope scope = new PaneScope();
        Appearance pane = Appearance.following(window, scope);
        window.themeProperty().set(Theme.DARK);
        window.setZoom(1.5);
        assertEquals(Theme.DARK, pane.theme());
        assertEquals(window.fontSize(), pane.fontSize(), 1e-12);
        scope.close();
        window.themeProperty().set(Theme.PROJECTOR);
        assertEquals(Theme.DARK, pane.theme());
    }
}
