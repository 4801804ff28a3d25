package org.envforge.store;

import java.sql.PreparedStatement;

/** Damage for tests, done the way a crash or an old EnvForge could leave a store (SQL stays in this package). */
public final class StoreDamage {

    private StoreDamage() {
    }

    /** Deletes a task (by ENV_ID/TASK) as if it had never been stored. */
    public static void dropTask(Store store, String ref) {
        int slash = ref.lastIndexOf('/');
        int n = store.database().write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM task WHERE name = ? AND env_key = (SELECT key FROM environment WHERE id = ?)")) {
                st.setString(1, ref.substring(slash + 1));
                st.setString(2, ref.substring(0, slash));
                return st.executeUpdate();
            }
        });
        if (n != 1) {
            throw new IllegalArgumentException("no task " + ref);
        }
    }
}
