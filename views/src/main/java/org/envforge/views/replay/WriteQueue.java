package org.envforge.views.replay;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.envforge.views.common.TaskRunner;

/**
 * Runs a view's writes one after another in the background, in the order they were asked for
 * (a tag then an untag of the same step must not swap on a thread pool). Used on the FX thread.
 */
final class WriteQueue {

    private final TaskRunner tasks;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean running;

    WriteQueue(TaskRunner tasks) {
        this.tasks = tasks;
    }

    <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        waiting.add(() -> tasks.run(name, work, r -> {
            try {
                onSuccess.accept(r);
            } finally {
                next();
            }
        }, e -> {
            try {
                onFailure.accept(e);
            } finally {
                next();
            }
        }));
        if (!running) {
            next();
        }
    }

    /** No write is running or waiting. */
    boolean idle() {
        return !running && waiting.isEmpty();
    }

    private void next() {
        Runnable r = waiting.poll();
        running = r != null;
        if (r != null) {
            r.run();
        }
    }
}
