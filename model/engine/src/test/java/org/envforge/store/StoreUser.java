package org.envforge.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.ImportReport;

/**
 * A store user in its own JVM, for tests of several processes on one data folder. Prints "ready",
 * waits for a line on stdin (so that all start at the same moment), then opens the store in
 * DATA_DIR, imports ENV_FOLDER REPEATS times and writes a setting each time. Prints "ok" and
 * exits 0, or prints the failure and exits 1.
 */
public final class StoreUser {

    private StoreUser() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path env = Path.of(args[1]);
        int repeats = Integer.parseInt(args[2]);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try (Store store = Store.open(data)) {
            EnvironmentImport envs = new EnvironmentImport(() -> store);
            Settings settings = new Settings(store);
            for (int i = 0; i < repeats; i++) {
                ImportReport r = envs.importPaths(List.of(env), p -> { });
                settings.put("user-" + ProcessHandle.current().pid(), String.valueOf(i));
                if (r.errors() > 0) {
                    throw new IllegalStateException("import errors: " + r.problems());
                }
            }
            System.out.println("ok");
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
