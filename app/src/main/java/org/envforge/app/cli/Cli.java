package org.envforge.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.envforge.app.wiring.Engine;
import org.envforge.io.BadInputException;
import org.envforge.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The command line. Commands are thin: they parse options and call the same engine services as
 * the GUI. Errors a user can act on print one clear line and exit with 2; bugs print a trace.
 */
public final class Cli {

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
            cli.setExecutionExceptionHandler((ex, line, parsed) -> {
                if (ex instanceof IllegalArgumentException || ex instanceof BadInputException || ex instanceof StoreException) {
                    line.getErr().println("envforge: " + ex.getMessage());
                    line.getErr().flush();
                    return 2;
                }
                throw ex;
            });
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
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
