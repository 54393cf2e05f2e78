package org.mbrllab.app.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the shell hands a pane when it makes one for an opened lesson.
 *
 * @param appearance the theme and zoom, seen through the lesson's scope: a pane may listen to it freely,
 *                   since leaving the lesson cuts it off from the window's
 * @param scope      where the pane registers whatever else it subscribes to; closed when the lesson is left
 * @param runners    makes the pane's runners (threaded in the app, synchronous in tests), each closed with
 *                   the scope
 * @param messages   shows a sentence in the window's status bar (a preset that could not be loaded, say)
 */
public record PaneHost(Appearance appearance, PaneScope scope, RunnerFactory runners, Consumer<String> messages) {

    public PaneHost {
        Objects.requireNonNull(appearance, "appearance");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(runners, "runners");
        messages = messages == null ? text -> { } : messages;
    }

    /** A host for one lesson: a scope of its own, the window's appearance followed through it. */
    public static PaneHost open(Appearance window, RunnerFactory runners, Consumer<String> messages) {
        PaneScope scope = new PaneScope();
        return new PaneHost(Appearance.following(window, scope), scope, runners.ownedBy(scope), messages);
    }
}
