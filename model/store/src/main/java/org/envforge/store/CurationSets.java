package org.envforge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.Product;
import org.envforge.catalog.Selection;
import org.envforge.catalog.SelectionRequest;

/** Saved curation sets. */
public final class CurationSets {

    private final Database db;

    public CurationSets(Store store) {
        this.db = store.database();
    }

    /**
     * Saves a selection under a name. An existing set of that name is replaced only when asked;
     * otherwise saving fails and the existing set stays as it was.
     */
    public CurationSet save(String name, Selection selection, boolean replace) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("a curation set needs a name");
        }
        if (clean.length() > 200) {
            throw new IllegalArgumentException("curation set name is longer than 200 characters");
        }
        Instant now = Instant.now();
        String request = toJson(StoredRequest.of(selection.request()));
        long id = db.write(c -> {
            Optional<Long> existing = idOf(c, clean);
            if (existing.isPresent()) {
                if (!replace) {
                    throw new IllegalArgumentException("a curation set named \"" + clean
                            + "\" exists already; choose another name or replace it");
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM curation_set WHERE id = ?")) {
                    del.setLong(1, existing.get());
                    del.executeUpdate();
                }
            }
            long newId;
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO curation_set(name, created_at, request_json, weight, share, groups_covered) VALUES (?,?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ins.setString(1, clean);
                ins.setString(2, now.toString());
                ins.setString(3, request);
                ins.setDouble(4, selection.coverage().weight());
                ins.setDouble(5, selection.coverage().share());
                ins.setInt(6, selection.coverage().groupsCovered().size());
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            try (PreparedStatement item = c.prepareStatement(
                    "INSERT INTO curation_set_item(set_id, position, product, weight) VALUES (?,?,?,?)")) {
                int pos = 1;
                for (Product p : selection.products()) {
                    item.setLong(1, newId);
                    item.setInt(2, pos++);
                    item.setString(3, p.name());
                    item.setDouble(4, p.weight());
                    item.addBatch();
                }
                item.executeBatch();
            }
            return newId;
        });
        return get(id).orElseThrow();
    }

    public List<CurationSet> list() {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM curation_set ORDER BY created_at, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<CurationSet> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                out.add(load(c, id));
            }
            return out;
        });
    }

    public Optional<CurationSet> get(long id) {
        return db.read(c -> Optional.ofNullable(load(c, id)));
    }

    public Optional<CurationSet> byName(String name) {
        return db.read(c -> {
            Optional<Long> id = idOf(c, name.strip());
            return id.isPresent() ? Optional.ofNullable(load(c, id.get())) : Optional.empty();
        });
    }

    public boolean delete(String name) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM curation_set WHERE name = ?")) {
                st.setString(1, name);
                return st.executeUpdate() > 0;
            }
        });
    }

    private static Optional<Long> idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM curation_set WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static CurationSet load(Connection c, long id) throws SQLException {
        String name;
        Instant created;
        String request;
        double share;
        int groups;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT name, created_at, request_json, share, groups_covered FROM curation_set WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                name = rs.getString(1);
                created = Instant.parse(rs.getString(2));
                request = rs.getString(3);
                share = rs.getDouble(4);
                groups = rs.getInt(5);
            }
        }
        List<CurationSet.Item> items = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT position, product, weight FROM curation_set_item WHERE set_id = ? ORDER BY position")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    items.add(new CurationSet.Item(rs.getInt(1), rs.getString(2), rs.getDouble(3)));
                }
            }
        }
        return new CurationSet(id, name, created, fromJson(request).toRequest(), items, share, groups);
    }

    private static String toJson(StoredRequest r) {
        try {
            return Json.MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredRequest fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, StoredRequest.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("curation_set.request_json is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON form of a selection request. */
    record StoredRequest(int n, boolean coverAllGroups, boolean excludeGeneric, List<String> include,
            List<String> exclude, List<String> runnable) {

        static StoredRequest of(SelectionRequest r) {
            return new StoredRequest(r.n(), r.coverAllGroups(), r.excludeGeneric(), r.include().stream().sorted().toList(),
                    r.exclude().stream().sorted().toList(), r.runnable().map(s -> s.stream().sorted().toList()).orElse(null));
        }

        SelectionRequest toRequest() {
            return new SelectionRequest(n, coverAllGroups, excludeGeneric, Set.copyOf(include == null ? List.of() : include),
                    Set.copyOf(exclude == null ? List.of() : exclude), Optional.ofNullable(runnable).map(Set::copyOf));
        }
    }
}
