package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls the engine: it gets the engine provider and its output streams. */
abstract class EngineCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCommand.class);

    protected final EngineProvider engines;

    @Spec
    CommandSpec spec;

    EngineCommand(EngineProvider engines) {
        this.engines = engines;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints an error line for the user and returns the usage-error exit code. */
    protected int fail(String message) {
        LOG.info("failed: {}", message);
        err().println("envforge: " + message);
        err().flush();
        return 2;
    }
}
