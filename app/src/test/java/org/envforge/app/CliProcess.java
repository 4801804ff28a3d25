package org.envforge.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI as a user starts it: a separate JVM on the test class path, its output in a log file. */
record CliProcess(Process process, Path log, String what) {

    /** Starts {@code envforge --data-dir DATA ARGS...}; output (both streams) goes to LOG. */
    static CliProcess start(Path data, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CliProcess(p, log, String.join(" ", args));
    }

    /** Waits for the process to end (killing it after the timeout) and returns its exit code. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** "envforge ARGS" and what it printed, for a failed assertion's message. */
    String describe() throws IOException {
        return "envforge " + what + " printed:\n" + output();
    }
}
