package org.envforge.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.envforge.app.log.Logs;
import org.envforge.app.wiring.Engine;
import org.envforge.error.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The command line. Commands are thin: they parse options and call the same engine services as
 * the GUI. Errors a user can act on ({@link UserException}, and {@link IllegalArgumentException}
 * for a bad value) print one line, {@code envforge: MESSAGE}, and exit with 2; anything else is a
 * bug: it prints its stack trace, goes to the log file and exits with 1.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** Returned when the GUI was started and the process must stay alive. */
    public static final int KEEP_RUNNING = -1;

    private final Function<Path, Engine> engines;
    private final GuiLauncher gui;

    public Cli(Function<Path, Engine> engines, GuiLauncher gui) {
        this.engines = engines;
        this.gui = gui;
    }

    public int run(String[] args, Map<String, String> env, PrintWriter rawOut, PrintWriter rawErr) {
        // Every print goes through these: control characters in imported text show as escapes.
        PrintWriter out = new EscapingWriter.Terminal(rawOut);
        PrintWriter err = new EscapingWriter.Terminal(rawErr);
        try (EngineProvider provider = new EngineProvider(env, engines)) {
            CommandLine cli = new CommandLine(EnvForgeCommand.class, factory(provider));
            cli.setOut(out);
            cli.setErr(err);
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // its ANSI codes would be escaped
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setExecutionStrategy(parsed -> {
                // The log goes to the data folder of this run (the workbench's too: it starts here).
                Logs.configure(err, provider.verbose(), provider.dataDir().resolve(Logs.FILE_NAME), Cli::escaped,
                        "envforge " + String.join(" ", args));
                return new CommandLine.RunLast().execute(parsed);
            });
            cli.setExecutionExceptionHandler((ex, line, parsed) -> handle(ex, line.getErr()));
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Prints an exception that ended a command; returns the exit code. */
    static int handle(Exception ex, PrintWriter err) {
        RuntimeException user = userError(ex);
        if (user != null) {
            String message = user.getMessage() == null ? user.getClass().getSimpleName() : user.getMessage();
            LOG.info("failed: {}", message, user);
            err.println("envforge: " + message);
            err.flush();
            return 2;
        }
        LOG.error("unexpected error, a bug in EnvForge: please report it with this trace{}", Logs.file().map(f -> " (also in " + f
                + ")").orElse(""), ex);
        err.flush();
        return 1;
    }

    /** The error a user can act on that EX is or wraps (a task's failure, a thread's), or null when it is a bug. */
    private static RuntimeException userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserException || t instanceof IllegalArgumentException) {
                return (RuntimeException) t;
            }
            if (!(t instanceof CompletionException || t instanceof ExecutionException)) {
                return null;
            }
        }
        return null;
    }

    /** TEXT as the terminal shows it: control characters as visible escapes (for the log file). */
    static String escaped(String text) {
        StringWriter w = new StringWriter();
        try (EscapingWriter e = new EscapingWriter(w)) {
            e.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private IFactory factory(EngineProvider provider) {
        IFactory fallback = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == GuiCommand.class) {
                    return cls.cast(new GuiCommand(provider, gui));
                }
                if (cls == EnvForgeCommand.class) {
                    return cls.cast(new EnvForgeCommand(provider, gui));
                }
                try {
                    var ctor = cls.getDeclaredConstructor(EngineProvider.class);
                    ctor.setAccessible(true);
                    return ctor.newInstance(provider);
                } catch (NoSuchMethodException e) {
                    return fallback.create(cls);
                }
            }
        };
    }
}
