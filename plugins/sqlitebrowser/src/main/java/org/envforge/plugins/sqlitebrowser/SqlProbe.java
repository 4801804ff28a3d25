package org.envforge.plugins.sqlitebrowser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.envforge.plugin.Probe;

/**
 * The rows a query returns from an SQLite database in the sandbox (args: db, query), read with
 * the sqlite3 shell inside the sandbox: one row a line, columns separated by |, no header; empty
 * when the database or a table is missing or the query fails. The database is opened read-only
 * and waited on while locked, so the probe sees committed data only: changes DB Browser holds in
 * its open transaction (before Write Changes) are not seen.
 */
final class SqlProbe {

    /** The sandbox home, for paths given as ~/x or relative. */
    static final String HOME = "/home/envforge";
    /** How long sqlite3 waits for a lock held by the app (a commit in progress). */
    static final int BUSY_TIMEOUT_MS = 5000;

    /** The probe: the sqlite3 command line, and its output (empty when it failed). */
    static final Probe PROBE = Probe.command("sql", "the rows an SQL query returns from an SQLite database, one a line with | between "
            + "columns (committed data only; args: db, query)", args -> command(args, HOME), r -> r.ok() ? r.stdout() : "");

    private SqlProbe() {
    }

    /** The sqlite3 command line for the arguments, with relative paths resolved against {@code home}. */
    static List<String> command(JsonNode args, String home) {
        String query = args.path("query").asText("");
        if (query.isBlank()) {
            throw new IllegalArgumentException("the sql probe needs a query");
        }
        return List.of("sqlite3", "-readonly", "-safe", "-batch", "-noheader", "-list", "-cmd", ".timeout " + BUSY_TIMEOUT_MS,
                path(args.path("db").asText(""), home), query);
    }

    /** A database path: ~/x and relative paths lie in the home. */
    static String path(String db, String home) {
        if (db.isBlank()) {
            throw new IllegalArgumentException("the sql probe needs a db path");
        }
        if (db.startsWith("~/")) {
            return home + "/" + db.substring(2);
        }
        return db.startsWith("/") ? db : home + "/" + db;
    }
}
