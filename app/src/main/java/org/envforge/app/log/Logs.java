package org.envforge.app.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.envforge.text.Clip;
import org.slf4j.event.Level;

/**
 * Where the log goes, for the CLI and the workbench alike: warnings (everything from debug up with
 * {@code --verbose}) to the console's error stream, and the run's log (info and up; debug with
 * {@code --verbose}) to {@value #FILE_NAME} in the data folder, kept under a few MB; stack traces
 * go to the file, and to the console only for errors (bugs) or with {@code --verbose}. EnvForge's own
 * loggers ({@code org.envforge...}) follow these levels; libraries log warnings only (info with
 * {@code --verbose}). Until {@link #configure} runs, warnings go to {@link System#err}.
 */
public final class Logs {

    /** The log file's name in the data folder. */
    public static final String FILE_NAME = "envforge.log";
    /** The file is moved to {@code envforge.log.1} (replacing the older one) once it grows past this. */
    static final long MAX_BYTES = 4L << 20;
    private static final String OWN = "org.envforge.";

    private static volatile boolean verbose;
    private static volatile PrintWriter console;
    private static volatile LogFile file;

    private Logs() {
    }

    /**
     * Sends the log to CONSOLE (already escaped for a terminal) and to FILE (created on the first
     * line logged, after a line saying which RUN this is; each line passed through ESCAPE first);
     * FILE may be null for no file. Replaces an earlier configuration.
     */
    public static synchronized void configure(PrintWriter console, boolean verbose, Path file, UnaryOperator<String> escape, String run) {
        LogFile old = Logs.file;
        Logs.console = console;
        Logs.verbose = verbose;
        Logs.file = file == null ? null : new LogFile(file, MAX_BYTES, escape, "--- " + Instant.now() + " "
                + ProcessHandle.current().pid() + " " + run);
        if (old != null) {
            old.close();
        }
    }

    /** The log file of this run, if there is one. */
    public static Optional<Path> file() {
        LogFile f = file;
        return f == null ? Optional.empty() : Optional.of(f.path());
    }

    private static int consoleThreshold(String logger) {
        if (logger.startsWith(OWN)) {
            return (verbose ? Level.DEBUG : Level.WARN).toInt();
        }
        return (verbose ? Level.INFO : Level.WARN).toInt();
    }

    private static int fileThreshold(String logger) {
        if (file == null) {
            return Integer.MAX_VALUE;
        }
        if (logger.startsWith(OWN)) {
            return (verbose ? Level.DEBUG : Level.INFO).toInt();
        }
        return (verbose ? Level.INFO : Level.WARN).toInt();
    }

    static boolean enabled(String logger, Level level) {
        return level.toInt() >= Math.min(consoleThreshold(logger), fileThreshold(logger));
    }

    /** Writes a line to the console (a stack trace only with --verbose or for an error) and to the file (with its trace). */
    static void log(String logger, Level level, String message, Throwable thrown) {
        // Messages and traces quote what sandboxes, imported folders and models wrote (a window title of
        // a megabyte): each is bounded here, once for every sink.
        message = Clip.bounded(message, Clip.REASON);
        String trace = thrown == null ? "" : trace(thrown);
        if (level.toInt() >= consoleThreshold(logger)) {
            PrintWriter c = console;
            String what = level == Level.WARN ? "warning" : level.name().toLowerCase(Locale.ROOT);
            String from = verbose ? logger.substring(logger.lastIndexOf('.') + 1) + ": " : "";
            String line = "envforge: " + what + ": " + from + message + System.lineSeparator()
                    + (verbose || level == Level.ERROR ? trace : "");
            if (c == null) {
                System.err.print(line);
                System.err.flush();
            } else {
                synchronized (c) {
                    c.print(line);
                    c.flush();
                }
            }
        }
        LogFile f = file;
        if (f != null && level.toInt() >= fileThreshold(logger)) {
            f.write(Instant.now() + " " + ProcessHandle.current().pid() + " " + level + " [" + Thread.currentThread().getName() + "] "
                    + logger + " - " + message + System.lineSeparator() + trace);
        }
    }

    /** The most a logged stack trace takes (each of its lines at most {@link Clip#REASON}). */
    static final int MAX_TRACE = 4 * Clip.PROMPT_SECTION;

    static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            t.printStackTrace(p);
        }
        StringBuilder out = new StringBuilder();
        for (String line : w.toString().split("\\R", -1)) {
            out.append(Clip.bounded(line, Clip.REASON)).append(System.lineSeparator());
        }
        String all = out.toString().stripTrailing();
        return all.isEmpty() ? "" : Clip.bounded(all, MAX_TRACE) + System.lineSeparator();
    }
}
