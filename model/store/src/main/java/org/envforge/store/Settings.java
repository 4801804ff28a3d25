package org.envforge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small key-value settings kept in the store (theme, last view, endpoints). */
public final class Settings {

    private final Database db;

    public Settings(Store store) {
        this.db = store.database();
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                st.setString(1, key);
                st.setString(2, value);
                return st.executeUpdate();
            }
        });
    }
}
