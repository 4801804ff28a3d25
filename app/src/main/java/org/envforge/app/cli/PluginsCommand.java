package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the software plugins found on the class path. */
@Command(name = "plugins", description = "List the software plugins and the catalog products they run.")
public final class PluginsCommand implements Callable<Integer> {

    private final EngineProvider engines;

    @Spec
    CommandSpec spec;

    public PluginsCommand(EngineProvider engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("id", "app", "apt packages", "runs (catalog products)");
        for (SoftwarePlugin p : engines.get().plugins().plugins()) {
            PluginDescriptor d = p.descriptor();
            t.row(d.id(), d.displayName(), String.join(" ", d.aptPackages()),
                    d.products().stream().map(m -> m.product()).collect(Collectors.joining(", ")));
        }
        t.print(out);
        return 0;
    }
}
