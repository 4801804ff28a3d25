package org.envforge.views.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} that runs everything at once on the calling thread: the work, then its
 * result handler, and UI updates. View-models run on it in plain JUnit tests, without the JavaFX
 * toolkit (their properties and lists need no FX thread as long as nothing touches a scene).
 */
public final class DirectTaskRunner implements TaskRunner {

    private int runs;

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        runs++;
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }

    /** How many background tasks were asked for (a test can check that a view-model reloads, or does not). */
    public int runs() {
        return runs;
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
