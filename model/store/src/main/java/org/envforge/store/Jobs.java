package org.envforge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;

/**
 * Generation jobs as rows: the job, its items (one environment each), their rounds (stored as
 * JSON the engine writes), audit failures by kind, and per-plugin memory notes. A round and its
 * item's progress are written in one transaction, so a killed job loses at most the round in
 * flight.
 */
public final class Jobs {

    /** Stands for the job's id in the environment names of the items {@link #create} is given; it puts the id in. */
    public static final String JOB_ID = "{job}";

    /** A job row. */
    public record JobRow(long id, String specJson, JobStatus status, Instant created, Instant updated, String message) {
    }

    /** An item row. */
    public record ItemRow(long job, int index, String plugin, String product, String envName, ItemStatus status, int rounds,
            String message) {
    }

    /** A round row; the JSON columns hold what the engine wrote. */
    public record RoundRow(long job, int index, int round, String creator, String auditor, String creationJson,
            String evidenceJson, String auditJson, boolean passed, String error, Instant started, Instant finished) {

        /** The round number and start time, which identify a stored round. */
        public String startedAndRound() {
            return round + "@" + started;
        }
    }

    /** One audit failure: which item of which task of which plugin failed in which round. */
    public record Failure(String plugin, String task, String item, Instant at) {
    }

    private final Database db;

    public Jobs(Store store) {
        this.db = store.database();
    }

    /** Creates a job with its items (plugin, product, environment name). */
    public long create(String specJson, List<ItemRow> items) {
        return db.write(c -> {
            String now = Instant.now().toString();
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO job(spec_json, status, created_at, updated_at) VALUES (?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, specJson);
                st.setString(2, JobStatus.RUNNING.word());
                st.setString(3, now);
                st.setString(4, now);
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO job_item(job_id, idx, plugin, product, env_name, status, rounds, "
                    + "updated_at) VALUES (?,?,?,?,?,?,0,?)")) {
                for (ItemRow i : items) {
                    st.setLong(1, id);
                    st.setInt(2, i.index());
                    st.setString(3, i.plugin());
                    st.setString(4, i.product());
                    st.setString(5, i.envName().replace(JOB_ID, String.valueOf(id)));
                    st.setString(6, ItemStatus.PENDING.word());
                    st.setString(7, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return id;
        });
    }

    public void setJobStatus(long job, JobStatus status, String message) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE job SET status=?, message=?, updated_at=? WHERE id=?")) {
                st.setString(1, status.word());
                st.setString(2, message);
                st.setString(3, Instant.now().toString());
                st.setLong(4, job);
                return st.executeUpdate();
            }
        });
    }

    public void setItemStatus(long job, int index, ItemStatus status, String message) {
        db.write(c -> {
            updateItem(c, job, index, status, null, message);
            return null;
        });
    }

    private static void updateItem(Connection c, long job, int index, ItemStatus status, Integer rounds, String message)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE job_item SET status=?, rounds=COALESCE(?, rounds), message=?, "
                + "updated_at=? WHERE job_id=? AND idx=?")) {
            st.setString(1, status.word());
            if (rounds == null) {
                st.setNull(2, java.sql.Types.INTEGER);
            } else {
                st.setInt(2, rounds);
            }
            st.setString(3, message);
            st.setString(4, Instant.now().toString());
            st.setLong(5, job);
            st.setInt(6, index);
            st.executeUpdate();
        }
    }

    /** Stores a round and advances its item, in one transaction. */
    public void saveRound(RoundRow r, List<Failure> failures) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO job_round(job_id, idx, round, creator, auditor, "
                    + "creation_json, evidence_json, audit_json, passed, error, started_at, finished_at) VALUES "
                    + "(?,?,?,?,?,?,?,?,?,?,?,?)")) {
                st.setLong(1, r.job());
                st.setInt(2, r.index());
                st.setInt(3, r.round());
                st.setString(4, r.creator());
                st.setString(5, r.auditor());
                st.setString(6, r.creationJson());
                st.setString(7, r.evidenceJson());
                st.setString(8, r.auditJson());
                st.setInt(9, r.passed() ? 1 : 0);
                st.setString(10, r.error());
                st.setString(11, r.started().toString());
                st.setString(12, r.finished().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO audit_failure(job_id, idx, round, plugin, task, item, at) VALUES (?,?,?,?,?,?,?)")) {
                for (Failure f : failures) {
                    st.setLong(1, r.job());
                    st.setInt(2, r.index());
                    st.setInt(3, r.round());
                    st.setString(4, f.plugin());
                    st.setString(5, f.task());
                    st.setString(6, f.item());
                    st.setString(7, f.at().toString());
                    st.addBatch();
                }
                st.executeBatch();
            }
            updateItem(c, r.job(), r.index(), ItemStatus.RUNNING, r.round(), r.error());
            return null;
        });
    }

    public Optional<JobRow> job(long id) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, spec_json, status, created_at, updated_at, message FROM job WHERE id=?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(jobRow(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<JobRow> jobs() {
        return db.read(c -> {
            List<JobRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, spec_json, status, created_at, updated_at, message FROM job ORDER BY id DESC");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(jobRow(rs));
                }
            }
            return out;
        });
    }

    private static JobRow jobRow(ResultSet rs) throws SQLException {
        return new JobRow(rs.getLong(1), rs.getString(2), JobStatus.of(rs.getString(3)), Instant.parse(rs.getString(4)),
                Instant.parse(rs.getString(5)), rs.getString(6));
    }

    public List<ItemRow> items(long job) {
        return db.read(c -> {
            List<ItemRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT job_id, idx, plugin, product, env_name, status, rounds, message "
                    + "FROM job_item WHERE job_id=? ORDER BY idx")) {
                st.setLong(1, job);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ItemRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                ItemStatus.of(rs.getString(6)), rs.getInt(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    public List<RoundRow> rounds(long job, int index) {
        return db.read(c -> {
            List<RoundRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT job_id, idx, round, creator, auditor, creation_json, evidence_json, "
                    + "audit_json, passed, error, started_at, finished_at FROM job_round WHERE job_id=? AND idx=? ORDER BY round")) {
                st.setLong(1, job);
                st.setInt(2, index);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RoundRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1, rs.getString(10),
                                Instant.parse(rs.getString(11)), Instant.parse(rs.getString(12))));
                    }
                }
            }
            return out;
        });
    }

    /** Audit failures counted by plugin and item. */
    public Map<String, Map<String, Integer>> failureCounts() {
        return db.read(c -> {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT plugin, item, count(*) FROM audit_failure GROUP BY plugin, item ORDER BY plugin, item");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            return out;
        });
    }

    /** Every audit failure, oldest first (for failure kinds over time). */
    public List<Failure> failures() {
        return db.read(c -> {
            List<Failure> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT plugin, task, item, at FROM audit_failure ORDER BY at");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
                }
            }
            return out;
        });
    }

    public Optional<String> memory(String plugin) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT note FROM memory_note WHERE plugin=? AND note <> ''")) {
                st.setString(1, plugin);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void saveMemory(String plugin, String note, int envsSeen) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO memory_note(plugin, note, envs_seen, updated_at) VALUES (?,?,?,?) "
                    + "ON CONFLICT(plugin) DO UPDATE SET note=excluded.note, envs_seen=excluded.envs_seen, "
                    + "updated_at=excluded.updated_at")) {
                st.setString(1, plugin);
                st.setString(2, note);
                st.setInt(3, envsSeen);
                st.setString(4, Instant.now().toString());
                return st.executeUpdate();
            }
        });
    }

    /** Counts one more finished environment of a plugin; returns the new count. */
    public int countEnvironment(String plugin) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO memory_note(plugin, note, envs_seen, updated_at) "
                    + "VALUES (?, '', 1, ?) "
                    + "ON CONFLICT(plugin) DO UPDATE SET envs_seen = envs_seen + 1")) {
                st.setString(1, plugin);
                st.setString(2, Instant.now().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT envs_seen FROM memory_note WHERE plugin=?")) {
                st.setString(1, plugin);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Items of jobs not finished (running or pending), for resuming after a crash. */
    public List<Long> unfinishedJobs() {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM job WHERE status=? ORDER BY id")) {
                st.setString(1, JobStatus.RUNNING.word());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }
}
