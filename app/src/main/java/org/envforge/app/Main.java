package org.envforge.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.envforge.app.cli.Cli;
import org.envforge.app.gui.Workbench;
import org.envforge.app.log.LogProvider;
import org.envforge.app.wiring.Engine;

/**
 * The entry point (a plain class, so JavaFX runs from the class path). With no arguments it opens
 * the workbench; with arguments it runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The app's own SLF4J binding (the log file and --verbose), even beside another binding on the class path.
        System.setProperty("slf4j.provider", LogProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = new Cli(Engine::standard, new Workbench()).run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        if (code != Cli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
