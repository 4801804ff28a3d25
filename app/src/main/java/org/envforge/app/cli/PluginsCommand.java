package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;
import picocli.CommandLine.Command;

/** Lists the software plugins found on the class path. */
@Command(name = "plugins", description = "List the software plugins and the catalog products they run.")
public final class PluginsCommand extends EngineCommand {

    public PluginsCommand(EngineProvider engines) {
        super(engines);
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
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
