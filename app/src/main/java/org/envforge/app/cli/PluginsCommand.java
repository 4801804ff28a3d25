package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the software plugins found on the class path. */
@Command(name = "plugins", description = "List the software plugins and the catalog products they run.")
public final class PluginsCommand extends EngineCommand {

    @Mixin
    JsonOutput.Flag output;

    public PluginsCommand(EngineProvider engines) {
        super(engines);
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (output.json) {
            JsonOutput.print(out, engines.get().plugins().plugins().stream().map(p -> {
                PluginDescriptor d = p.descriptor();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("name", d.displayName());
                m.put("aptPackages", d.aptPackages());
                m.put("executables", d.executables());
                m.put("products", d.products().stream().map(x -> x.product()).toList());
                m.put("templates", p.templates().stream().map(x -> x.id()).toList());
                return m;
            }).toList());
            return 0;
        }
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
