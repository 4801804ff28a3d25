package org.envforge.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Times repeated runs and reports medians: a benchmark harness with no timed assertions. */
public final class Measure {

    /** Summary of the measured runs, in milliseconds. */
    public record Result(String name, int runs, double median, double min, double p90, String note) {
        public String row() {
            return String.format(Locale.ROOT, "%-44s %5d %10.2f %10.2f %10.2f  %s", name, runs, median, min, p90, note);
        }
    }

    private Measure() {
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-44s %5s %10s %10s %10s  %s", "benchmark", "runs", "median ms", "min ms", "p90 ms",
                "note");
    }

    /**
     * Runs {@code work} {@code warmup} times unmeasured, then {@code runs} times measured. The value
     * of the last run is kept alive so the JIT cannot drop the work.
     */
    public static <T> Result time(String name, int warmup, int runs, Callable<T> work, String note) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = work.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException(name + " produced nothing");
        }
        Arrays.sort(ms);
        return new Result(name, runs, percentile(ms, 0.5), ms[0], percentile(ms, 0.9), note);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double idx = p * (sorted.length - 1);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
    }
}
