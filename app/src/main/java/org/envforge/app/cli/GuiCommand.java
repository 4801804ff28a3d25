package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Opens the workbench (the default when no command is given). */
@Command(name = "gui", description = "Open the workbench (the default with no command).")
public final class GuiCommand implements Callable<Integer> {

    private final EngineProvider engines;
    private final GuiLauncher launcher;

    @Spec
    CommandSpec spec;

    public GuiCommand(EngineProvider engines, GuiLauncher launcher) {
        this.engines = engines;
        this.launcher = launcher;
    }

    @Option(names = "--page", paramLabel = "ID", description = "Open this page: catalog, environments, sandbox, generation, audits, approvals, patterns, trajectories.")
    String page;
    @Option(names = "--product", paramLabel = "NAME", description = "Show this product in the Catalog.")
    String product;
    @Option(names = "--select", paramLabel = "N", description = "Select the top N products at once (default constraints).")
    Integer select;
    @Option(names = "--theme", paramLabel = "light|dark", description = "Use this theme (and remember it).")
    String theme;
    @Option(names = "--task", paramLabel = "REF", description = "Open this task (ENV_ID/TASK) in the Environments view.")
    String task;
    @Option(names = "--tab", paramLabel = "NAME", description = "With --task: the detail tab to show (overview, files, problems).")
    String tab;
    @Option(names = "--boot", paramLabel = "PLUGIN/TEMPLATE", description = "Boot this task in the Sandbox view.")
    String boot;
    @Option(names = "--trajectory", paramLabel = "ID[:STEP]", description = "Replay this trajectory in the Trajectories view, at this step position (from 1).")
    String trajectory;

    @Override
    public Integer call() {
        GuiOptions options = new GuiOptions(Optional.ofNullable(page), Optional.ofNullable(product), Optional.ofNullable(select),
                Optional.ofNullable(theme), Optional.ofNullable(task),
                Optional.ofNullable(tab), Optional.ofNullable(boot), Optional.ofNullable(trajectory));
        return open(engines, launcher, options, spec.commandLine().getErr());
    }

    static int open(EngineProvider engines, GuiLauncher launcher, GuiOptions options, PrintWriter err) {
        return launcher.launch(engines.release(), options, err) ? Cli.KEEP_RUNNING : 1;
    }
}
