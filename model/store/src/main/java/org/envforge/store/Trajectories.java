package org.envforge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryFilter;
import org.envforge.trajectory.TrajectoryStatus;
import org.envforge.trajectory.TrajectoryVerdict;

/**
 * Trajectories, their steps and annotations. Each recorded step is committed on its own, so a
 * killed recording keeps every step written so far; imports write steps in batches.
 */
public final class Trajectories {

    private final Database db;

    /** Actions are stored in Gym-Anything's list-of-dicts form. */
    public Trajectories(Store store) {
        this.db = store.database();
    }

    public long create(String taskRef, String instruction, String agent, String source, String origin, TrajectoryStatus status) {
        return db.write(c -> insert(c, taskRef, instruction, agent, source, origin, status, Instant.now()));
    }

    /**
     * Stores an imported trajectory with all its steps in one transaction: a failure stores nothing.
     *
     * @param t the trajectory's fields (its id, status and step count are ignored)
     */
    public long insertImported(Trajectory t, List<Step> steps) {
        return db.write(c -> {
            long id = insert(c, t.taskRef(), t.instruction(), t.agent(), t.source(), t.origin(), TrajectoryStatus.IMPORTED,
                    t.started() == null ? Instant.now() : t.started());
            writeSteps(c, id, steps);
            try (PreparedStatement st = c.prepareStatement("UPDATE trajectory SET said_done=?, checker_passed=?, verification=?, "
                    + "finished_at=?, owner_pid=NULL WHERE id=?")) {
                st.setInt(1, t.saidDone() ? 1 : 0);
                setBool(st, 2, t.checkerPassed());
                st.setString(3, t.verification());
                st.setString(4, (t.finished() == null ? Instant.now() : t.finished()).toString());
                st.setLong(5, id);
                st.executeUpdate();
            }
            return id;
        });
    }

    private static long insert(java.sql.Connection c, String taskRef, String instruction, String agent, String source, String origin,
            TrajectoryStatus status, Instant started) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO trajectory(task_ref, instruction, agent, source, origin, status, "
                + "owner_pid, started_at) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, taskRef);
            st.setString(2, instruction);
            st.setString(3, agent);
            st.setString(4, source);
            st.setString(5, origin);
            st.setString(6, status.name());
            st.setLong(7, ProcessHandle.current().pid());
            st.setString(8, started.toString());
            st.executeUpdate();
            try (ResultSet rs = st.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setBool(PreparedStatement st, int i, Boolean b) throws SQLException {
        if (b == null) {
            st.setNull(i, java.sql.Types.INTEGER);
        } else {
            st.setInt(i, b ? 1 : 0);
        }
    }

    /** Writes one step (its own transaction). */
    public void addStep(long id, Step s) {
        addSteps(id, List.of(s));
    }

    /** Writes steps in one transaction. */
    public void addSteps(long id, List<Step> steps) {
        db.write(c -> {
            writeSteps(c, id, steps);
            return null;
        });
    }

    private static void writeSteps(java.sql.Connection c, long id, List<Step> steps) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO trajectory_step(trajectory_id, idx, at, millis, "
                + "action_json, action_text, native_json, response, screenshot, after_shot, reward, done, error) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int n = 0;
            for (Step s : steps) {
                st.setLong(1, id);
                st.setInt(2, s.index());
                st.setString(3, s.at().toString());
                st.setLong(4, s.millis());
                st.setString(5, s.actions().isEmpty() ? null : GymAnythingActions.toJson(s.actions()).toString());
                st.setString(6, s.actionText());
                st.setString(7, s.nativeJson());
                st.setString(8, s.response());
                st.setString(9, s.screenshot());
                st.setString(10, s.afterShot());
                if (s.reward() == null) {
                    st.setNull(11, java.sql.Types.REAL);
                } else {
                    st.setDouble(11, s.reward());
                }
                st.setInt(12, s.done() ? 1 : 0);
                st.setString(13, s.error());
                st.addBatch();
                if (++n % 500 == 0) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE trajectory SET steps = (SELECT count(*) FROM trajectory_step WHERE trajectory_id = ?) WHERE id = ?")) {
            st.setLong(1, id);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }

    /** Sets the screen after a step's actions (the final screen, on the last step). */
    public void setAfterShot(long id, int index, String sha) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE trajectory_step SET after_shot=? WHERE trajectory_id=? AND idx=?")) {
                st.setString(1, sha);
                st.setLong(2, id);
                st.setInt(3, index);
                return st.executeUpdate();
            }
        });
    }

    public void finish(long id, TrajectoryStatus status, boolean saidDone, Boolean checkerPassed, String verification) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE trajectory SET status=?, said_done=?, checker_passed=?, "
                    + "verification=?, finished_at=? WHERE id=?")) {
                st.setString(1, status.name());
                st.setInt(2, saidDone ? 1 : 0);
                setBool(st, 3, checkerPassed);
                st.setString(4, verification);
                st.setString(5, Instant.now().toString());
                st.setLong(6, id);
                return st.executeUpdate();
            }
        });
    }

    public void setTestTimeAudit(long id, String json) {
        update(id, "tt_audit", json);
    }

    public void setVerdict(long id, TrajectoryVerdict verdict, String note) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE trajectory SET verdict=?, verdict_note=? WHERE id=?")) {
                st.setString(1, verdict == null ? null : verdict.name());
                st.setString(2, note);
                st.setLong(3, id);
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no trajectory " + id);
                }
                return null;
            }
        });
    }

    private void update(long id, String column, String value) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE trajectory SET " + column + "=? WHERE id=?")) {
                st.setString(1, value);
                st.setLong(2, id);
                return st.executeUpdate();
            }
        });
    }

    /** Recordings whose process is gone are marked interrupted; returns how many. */
    public int markInterrupted() {
        List<Long> dead = db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, owner_pid FROM trajectory WHERE status = 'RECORDING'");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(2);
                    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && pid != 0;
                    if (!alive) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        for (long id : dead) {
            finish(id, TrajectoryStatus.INTERRUPTED, false, null, "the recording stopped before the end (process gone)");
        }
        return dead.size();
    }

    public Optional<Trajectory> get(long id) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT = "SELECT id, task_ref, instruction, agent, source, origin, status, started_at, finished_at, "
            + "steps, said_done, checker_passed, verification, tt_audit, verdict, verdict_note FROM trajectory";

    private static Trajectory row(ResultSet rs) throws SQLException {
        int cp = rs.getInt(12);
        Boolean checker = rs.wasNull() ? null : cp == 1;
        String verdict = rs.getString(15);
        String fin = rs.getString(9);
        return new Trajectory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                TrajectoryStatus.valueOf(rs.getString(7)), Instant.parse(rs.getString(8)), fin == null ? null : Instant.parse(fin),
                rs.getInt(10), rs.getInt(11) == 1, checker, rs.getString(13), rs.getString(14),
                verdict == null ? null : TrajectoryVerdict.valueOf(verdict), rs.getString(16));
    }

    /** Trajectories matching the filter, newest first; text searches instructions, responses and notes. */
    public List<Trajectory> list(TrajectoryFilter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" t WHERE 1=1");
        List<Object> args = new ArrayList<>();
        f.taskRef().ifPresent(r -> {
            sql.append(" AND task_ref = ?");
            args.add(r);
        });
        f.verdict().ifPresent(v -> {
            sql.append(" AND verdict = ?");
            args.add(v.name());
        });
        f.source().ifPresent(s -> {
            sql.append(" AND source = ?");
            args.add(s);
        });
        f.tag().ifPresent(tag -> {
            sql.append(" AND EXISTS (SELECT 1 FROM step_tag g WHERE g.trajectory_id = t.id AND g.tag = ?)");
            args.add(tag);
        });
        f.text().ifPresent(text -> {
            sql.append(" AND (instruction LIKE ? OR verdict_note LIKE ? OR EXISTS (SELECT 1 FROM step_note n WHERE n.trajectory_id = t.id "
                    + "AND n.note LIKE ?) OR EXISTS (SELECT 1 FROM trajectory_step s WHERE s.trajectory_id = t.id AND s.response LIKE ?))");
            for (int i = 0; i < 4; i++) {
                args.add("%" + text + "%");
            }
        });
        sql.append(" ORDER BY id DESC");
        return db.read(c -> {
            List<Trajectory> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    public List<Step> steps(long id) {
        return steps(id, 0, Integer.MAX_VALUE);
    }

    /** Steps from {@code from}, at most {@code count}, in order. */
    public List<Step> steps(long id, int from, int count) {
        return db.read(c -> {
            List<Step> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT idx, at, millis, action_json, action_text, native_json, response, "
                    + "screenshot, after_shot, reward, done, error FROM trajectory_step WHERE trajectory_id = ? AND idx >= ? "
                    + "ORDER BY idx LIMIT ?")) {
                st.setLong(1, id);
                st.setInt(2, from);
                st.setInt(3, count);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(step(rs));
                    }
                }
            }
            return out;
        });
    }

    private Step step(ResultSet rs) throws SQLException {
        String aj = rs.getString(4);
        List<Action> a = List.of();
        if (aj != null) {
            try {
                a = GymAnythingActions.fromJsonList(Json.MAPPER.readTree(aj));
            } catch (RuntimeException | java.io.IOException e) {
                a = List.of();
            }
        }
        double reward = rs.getDouble(10);
        Double r = rs.wasNull() ? null : reward;
        return new Step(rs.getInt(1), Instant.parse(rs.getString(2)), rs.getLong(3), a, rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), r, rs.getInt(11) == 1, rs.getString(12));
    }

    // Annotations ------------------------------------------------------------------------------

    public void tag(long id, int index, String tag, String author) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT OR IGNORE INTO step_tag(trajectory_id, idx, tag, author, at) VALUES (?,?,?,?,?)")) {
                st.setLong(1, id);
                st.setInt(2, index);
                st.setString(3, tag.strip().toLowerCase(java.util.Locale.ROOT));
                st.setString(4, author);
                st.setString(5, Instant.now().toString());
                return st.executeUpdate();
            }
        });
    }

    public void untag(long id, int index, String tag) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM step_tag WHERE trajectory_id=? AND idx=? AND tag=?")) {
                st.setLong(1, id);
                st.setInt(2, index);
                st.setString(3, tag);
                return st.executeUpdate();
            }
        });
    }

    /** Sets (or, with a blank note, removes) a step's note. */
    public void note(long id, int index, String note, String author) {
        db.write(c -> {
            if (note == null || note.isBlank()) {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM step_note WHERE trajectory_id=? AND idx=?")) {
                    st.setLong(1, id);
                    st.setInt(2, index);
                    return st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO step_note(trajectory_id, idx, note, author, at) "
                    + "VALUES (?,?,?,?,?)")) {
                st.setLong(1, id);
                st.setInt(2, index);
                st.setString(3, note);
                st.setString(4, author);
                st.setString(5, Instant.now().toString());
                return st.executeUpdate();
            }
        });
    }

    /** Every step's tags and note, by step index. */
    public Map<Integer, StepAnnotation> annotations(long id) {
        return db.read(c -> {
            Map<Integer, Set<String>> tags = new TreeMap<>();
            Map<Integer, String> notes = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT idx, tag FROM step_tag WHERE trajectory_id=? ORDER BY idx, tag")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(rs.getInt(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT idx, note FROM step_note WHERE trajectory_id=?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        notes.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            Map<Integer, StepAnnotation> out = new TreeMap<>();
            Set<Integer> idx = new java.util.TreeSet<>(tags.keySet());
            idx.addAll(notes.keySet());
            for (int i : idx) {
                out.put(i, new StepAnnotation(i, tags.getOrDefault(i, Set.of()), notes.get(i)));
            }
            return out;
        });
    }

    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM trajectory WHERE id=?")) {
                st.setLong(1, id);
                return st.executeUpdate();
            }
        });
    }
}
