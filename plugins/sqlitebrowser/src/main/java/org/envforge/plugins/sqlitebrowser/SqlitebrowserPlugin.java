package org.envforge.plugins.sqlitebrowser;

import static org.envforge.plugin.ProductMapping.nativeApp;
import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;

/** DB Browser for SQLite: desktop database work, standing in for Access-style tools. */
public final class SqlitebrowserPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("sqlitebrowser", "DB Browser for SQLite",
            List.of("sqlitebrowser"), List.of("sqlitebrowser"),
            List.of(nativeApp("SQLite"), substitute("Microsoft Access"), substitute("Database software"),
                    substitute("Structured query language SQL"), substitute("Database management software")),
            List.of("15-0000", "43-0000", "13-0000", "29-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
