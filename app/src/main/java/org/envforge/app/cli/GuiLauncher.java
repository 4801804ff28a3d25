package org.envforge.app.cli;

import org.envforge.app.wiring.Engine;

/** Opens the workbench; implemented by the GUI side so that the CLI never depends on views. */
@FunctionalInterface
public interface GuiLauncher {

    /**
     * Starts the workbench and returns at once; the GUI keeps the process alive until its window
     * closes. Returns false, having printed why, when no GUI can start (no display).
     */
    boolean launch(Engine engine, GuiOptions options, java.io.PrintWriter err);
}
