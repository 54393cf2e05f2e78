package org.mbrllab.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * Everything a pane holds on to outside itself while its lesson is open: listeners on the window's
 * {@link Appearance}, on the run controls, its runners and timers. The shell makes one scope per opened
 * lesson and {@linkplain #close closes} it when the lesson is left, which releases all of them, newest
 * first, so that nothing outside the pane keeps the pane (and its engine) alive.
 *
 * <p>Built on JavaFX 21's {@link Subscription}. All methods are called on the FX thread. Registering
 * with a closed scope releases at once: a late callback cannot leak past the lesson.
 */
public final class PaneScope implements AutoCloseable {

    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean closed;

    /** Calls {@code action} with the current value now and with every new value until the scope closes. */
    public <T> void follow(ObservableValue<T> value, Consumer<? super T> action) {
        add(value.subscribe(action));
    }

    /** Runs {@code action} whenever one of {@code observables} changes, until the scope closes. */
    public void onChange(Runnable action, Observable... observables) {
        for (Observable o : observables) add(o.subscribe(action));
    }

    /** Releases {@code subscription} when the scope closes. */
    public void add(Subscription subscription) {
        if (closed) {
            subscription.unsubscribe();
            return;
        }
        subscriptions.add(subscription);
    }

    /** Runs {@code release} when the scope closes. */
    public void onClose(Runnable release) {
        add(release::run);
    }

    /** Closes {@code resource} (a runner, say) when the scope closes; returns it. */
    public <R extends AutoCloseable> R own(R resource) {
        add(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return resource;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Releases everything, newest first. A release that throws does not stop the others; the first
     * exception is rethrown at the end. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        RuntimeException first = null;
        for (int i = subscriptions.size() - 1; i >= 0; i--) {
            try {
                subscriptions.get(i).unsubscribe();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        subscriptions.clear();
        if (first != null) throw first;
    }
}
