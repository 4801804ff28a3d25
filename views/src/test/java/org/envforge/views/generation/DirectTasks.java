package org.envforge.views.generation;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.envforge.views.common.TaskRunner;

/** A task runner that runs work and UI updates at once on the calling thread, for view-model tests without an FX thread. */
final class DirectTasks implements TaskRunner {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
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

    @Override
    public void close() {
    }
}
