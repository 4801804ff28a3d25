package org.envforge.progress;

/** Receives progress reports; called from the worker thread that does the work. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
