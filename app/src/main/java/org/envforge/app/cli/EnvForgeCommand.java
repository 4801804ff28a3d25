package org.envforge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. */
@Command(name = "envforge", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = {"EnvForge turns real desktop software into verified training environments for computer-use agents.",
            "", "Run with no command to open the workbench."},
        subcommands = {GuiCommand.class, CatalogCommand.class, EnvCommand.class, SandboxCommand.class, GenerateCommand.class,
            JobsCommand.class, TrajCommand.class, DecideCommands.Approve.class, DecideCommands.Reject.class, PluginsCommand.class,
            StoreCommand.class,
            DoctorCommand.class, CompletionCommand.class},
        footer = {"", "Data folder: --data-dir, else $ENVFORGE_HOME, else $XDG_DATA_HOME/envforge, else ~/.local/share/envforge.",
            "Log file: envforge.log in the data folder.",
            "Exit codes: 0 success; 1 the work ran but something failed; 2 a usage or input error (one line: envforge: ...)."})
public final class EnvForgeCommand implements Callable<Integer> {

    private final EngineProvider engines;
    private final GuiLauncher gui;

    @Spec
    CommandSpec spec;

    public EnvForgeCommand(EngineProvider engines, GuiLauncher gui) {
        this.engines = engines;
        this.gui = gui;
    }

    /** No command: open the workbench. */
    @Override
    public Integer call() {
        return GuiCommand.open(engines, gui, GuiOptions.none(), spec.commandLine().getErr());
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Folder for the database and blobs (default: see below).")
    void setDataDir(Path dir) {
        engines.setDataDir(dir);
    }

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print what the engine does (debug lines) on the error stream, and keep them in the log file.")
    void setVerbose(boolean verbose) {
        engines.setVerbose(verbose);
    }
}
