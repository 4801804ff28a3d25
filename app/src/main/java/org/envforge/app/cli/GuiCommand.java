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

    @Option(names = "--page", paramLabel = "ID", completionCandidates = Choices.Pages.class,
            description = "Open this page: catalog, environments, sandbox, generation, audits, approvals, patterns, trajectories.")
    String page;
    @Option(names = "--product", paramLabel = "NAME", description = "Show this product in the Catalog.")
    String product;
    @Option(names = "--select", paramLabel = "N", description = "Select the top N products at once (default constraints).")
    Integer select;
    @Option(names = "--theme", paramLabel = "light|dark", completionCandidates = Choices.Themes.class,
            description = "Use this theme (and remember it).")
    String theme;
    @Option(names = "--task", paramLabel = "REF", description = "Open this task (ENV_ID/TASK) in the Environments view.")
    String task;
    @Option(names = "--tab", paramLabel = "NAME", completionCandidates = Choices.Tabs.class,
            description = "With --task: the detail tab to show (overview, files, problems).")
    String tab;
    @Option(names = "--boot", paramLabel = "PLUGIN/TEMPLATE", description = "Boot this task in the Sandbox view.")
    String boot;
    @Option(names = "--trajectory", paramLabel = "ID[:STEP]",
            description = "Replay this trajectory in the Trajectories view, at this step (numbered from 0, as in traj show).")
    String trajectory;
    @Option(names = "--generate", paramLabel = "SOFTWARE", completionCandidates = Choices.PluginIds.class,
            description = "Start a generation job for this software (plugin ids or products, comma-separated) in the Generation view, "
                    + "with the form's other values at their defaults.")
    String generate;

    /** The pages --page accepts. */
    static final java.util.List<String> PAGES = java.util.List.of("catalog", "environments", "sandbox", "generation", "audits",
            "approvals", "patterns", "trajectories");

    @Override
    public Integer call() {
        if (page != null && !PAGES.contains(page)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--page must be one of " + String.join(", ", PAGES)
                    + "; was '" + page + "'");
        }
        if (theme != null && !theme.equalsIgnoreCase("light") && !theme.equalsIgnoreCase("dark")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--theme must be light or dark; was '" + theme + "'");
        }
        if (trajectory != null && !trajectory.strip().matches("\\d+(:\\d+)?")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--trajectory must be ID or ID:STEP (numbers); was '"
                    + trajectory + "'");
        }
        GuiOptions options = new GuiOptions(Optional.ofNullable(page), Optional.ofNullable(product), Optional.ofNullable(select),
                Optional.ofNullable(theme), Optional.ofNullable(task),
                Optional.ofNullable(tab), Optional.ofNullable(boot), Optional.ofNullable(trajectory), Optional.ofNullable(generate));
        return open(engines, launcher, options, spec.commandLine().getErr());
    }

    static int open(EngineProvider engines, GuiLauncher launcher, GuiOptions options, PrintWriter err) {
        return launcher.launch(engines.release(), options, err) ? Cli.KEEP_RUNNING : 1;
    }
}
