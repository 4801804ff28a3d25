package org.envforge.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the bash (and zsh) completion script for every command, option and fixed option value. */
@Command(name = "completion", description = {"Print a bash completion script for envforge (zsh loads it too, with bashcompinit).",
    "Use it with: source <(envforge completion)  - or save it in ~/.local/share/bash-completion/completions/envforge"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("envforge", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
