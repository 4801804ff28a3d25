package org.envforge.views.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs engine work off the FX thread and hands results back on it. Swappable (like JabRef's
 * TaskExecutor): the workbench uses a thread pool ({@link FxTaskRunner}); a view-model's plain
 * JUnit test uses {@link DirectTaskRunner}, which runs everything on the calling thread. View-models
 * reach the FX thread only through {@link #onUi}, never through {@code Platform} directly.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the FX
     * thread.
     */
    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs a UI update on the FX thread (now if already on it). */
    void onUi(Runnable update);

    @Override
    void close();
}
