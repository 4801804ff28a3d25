package org.envforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every blob the store refers to, checked against its file: the missing and the damaged ones, each
 * with what refers to it (an environment's or a task's file, a trajectory step's screenshot, the
 * evidence of a job's round).
 */
public final class BlobCheck {

    /** A blob that is missing or damaged, where its file is (or should be), and what refers to it. */
    public record Finding(String sha256, BlobStore.Health health, Path file, List<String> referencedBy) {

        public Finding {
            referencedBy = List.copyOf(referencedBy);
        }
    }

    /** What a check found: how many blobs it read, how many references it followed, what is wrong. */
    public record Report(int blobs, int references, List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return findings.isEmpty();
        }

        public long count(BlobStore.Health health) {
            return findings.stream().filter(f -> f.health() == health).count();
        }
    }

    private final Database db;
    private final BlobStore blobs;

    public BlobCheck(Store store) {
        this.db = store.database();
        this.blobs = store.blobs();
    }

    /** Reads every referenced blob once (the whole file, to hash it). */
    public Report run() {
        Map<String, List<String>> refs = references();
        List<Finding> findings = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<String>> e : refs.entrySet()) {
            count += e.getValue().size();
            String sha = e.getKey();
            boolean name = BlobStore.isName(sha);
            BlobStore.Health h = name ? blobs.health(sha) : BlobStore.Health.MISSING;
            if (h != BlobStore.Health.OK) {
                findings.add(new Finding(sha, h, name ? blobs.path(sha) : null, e.getValue()));
            }
        }
        return new Report(refs.size(), count, findings);
    }

    /** Every blob referred to, with what refers to it, in one snapshot of the database. */
    public Map<String, List<String>> references() {
        return db.read(c -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            query(c, "SELECT e.id, f.path, f.sha256 FROM env_file f JOIN environment e ON e.key = f.env_key ORDER BY e.id, f.path",
                    rs -> add(out, rs.getString(3), "environment " + rs.getString(1) + " file " + rs.getString(2)));
            query(c, "SELECT e.id, t.name, f.path, f.sha256 FROM task_file f JOIN task t ON t.key = f.task_key "
                    + "JOIN environment e ON e.key = t.env_key ORDER BY e.id, t.name, f.path",
                    rs -> add(out, rs.getString(4), "task " + rs.getString(1) + "/" + rs.getString(2) + " file " + rs.getString(3)));
            query(c, "SELECT trajectory_id, idx, screenshot, after_shot FROM trajectory_step ORDER BY trajectory_id, idx", rs -> {
                String step = "trajectory " + rs.getLong(1) + " step " + rs.getInt(2);
                add(out, rs.getString(3), step + " screenshot");
                add(out, rs.getString(4), step + " after-screenshot");
            });
            query(c, "SELECT r.job_id, i.env_name, r.round, r.evidence_json FROM job_round r JOIN job_item i "
                    + "ON i.job_id = r.job_id AND i.idx = r.idx ORDER BY r.job_id, r.idx, r.round",
                    rs -> evidence(out, "job " + rs.getLong(1) + " " + rs.getString(2) + " round " + rs.getInt(3), rs.getString(4)));
            return out;
        });
    }

    /** The blobs a round's evidence (JSON the engine wrote: one object per task) names, such as its screenshots. */
    private static void evidence(Map<String, List<String>> out, String round, String json) {
        if (json == null) {
            return;
        }
        JsonNode all;
        try {
            all = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // not readable evidence names no blob
        }
        for (JsonNode task : all) {
            String name = task.path("task").asText("?");
            for (Iterator<Map.Entry<String, JsonNode>> it = task.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual() && BlobStore.isName(f.getValue().asText())) {
                    add(out, f.getValue().asText(), round + " evidence of task " + name + " (" + f.getKey() + ")");
                }
            }
        }
    }

    private static void add(Map<String, List<String>> out, String sha, String what) {
        if (sha != null) {
            out.computeIfAbsent(sha, k -> new ArrayList<>()).add(what);
        }
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
