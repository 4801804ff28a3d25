package org.envforge.plugins.sqlitebrowser;

import static org.envforge.plugin.ProductMapping.nativeApp;
import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskTemplate;

/**
 * DB Browser for SQLite: desktop database work, standing in for Access-style tools. Its tasks
 * edit an SQLite database of real BLS occupations; the {@code sql} probe reads the committed
 * database with the sqlite3 shell.
 */
public final class SqlitebrowserPlugin implements SoftwarePlugin {

    /** The database every task opens, as the sandbox sees it. */
    static final String DB = SqlProbe.HOME + "/oews.db";
    static final List<String> LAUNCH = List.of("sqlitebrowser", DB);
    /** The main window's title once the database is open: "DB Browser for SQLite - /home/envforge/oews.db". */
    static final String TITLE = "^DB Browser for SQLite - .*/oews\\.db";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("sqlitebrowser", "DB Browser for SQLite",
            List.of("sqlitebrowser", "sqlite3"), List.of("sqlitebrowser", "sqlite3"),
            List.of(nativeApp("SQLite"), substitute("Microsoft Access"), substitute("Database software"),
                    substitute("Structured query language SQL"), substitute("Database management software")),
            List.of("15-0000", "43-0000", "13-0000", "29-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new FixWage(), new AddOccupation(), new RemoveSmallOccupations(), new HighPaidView());
    }

    @Override
    public List<Probe> probes() {
        return List.of(SqlProbe.PROBE);
    }
}
