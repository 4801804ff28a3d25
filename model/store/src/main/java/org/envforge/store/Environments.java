package org.envforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envforge.json.JsonFiles;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.Problem;
import org.envforge.spec.Provenance;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StatusChange;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;

/** Environments, tasks, their files, problems and status history in the store. */
public final class Environments {

    private final Database db;

    public Environments(Store store) {
        this.db = store.database();
    }

    // Writes -------------------------------------------------------------------------------------

    /**
     * Inserts the environment, or updates the one with the same id (its tasks stay). Returns its
     * row key.
     */
    public long upsertEnvironment(EnvironmentSpec env, List<SpecFile> files, List<Problem> problems) {
        return db.write(c -> upsertEnvironment(c, env, files, problems));
    }

    private static long upsertEnvironment(Connection c, EnvironmentSpec env, List<SpecFile> files, List<Problem> problems)
            throws SQLException {
        String now = Instant.now().toString();
        Long key = envKey(c, env.id());
        String doc = JsonFiles.compact(env.document());
        Provenance p = env.provenance();
        if (key == null) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO environment(id, name, version, software, plugin, source, "
                    + "origin, licence, description, document, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bindEnv(st, env, p, doc);
                st.setString(11, now);
                st.setString(12, now);
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    key = rs.getLong(1);
                }
            }
        } else {
            try (PreparedStatement st = c.prepareStatement("UPDATE environment SET id=?, name=?, version=?, software=?, plugin=?, "
                    + "source=?, origin=?, licence=?, description=?, document=?, updated_at=? WHERE key=?")) {
                bindEnv(st, env, p, doc);
                st.setString(11, now);
                st.setLong(12, key);
                st.executeUpdate();
            }
            exec(c, "DELETE FROM env_file WHERE env_key=?", key);
            exec(c, "DELETE FROM env_problem WHERE env_key=?", key);
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO env_file(env_key, path, sha256, size) VALUES (?,?,?,?)")) {
            for (SpecFile f : files) {
                st.setLong(1, key);
                st.setString(2, f.path());
                st.setString(3, f.sha256());
                st.setLong(4, f.size());
                st.addBatch();
            }
            st.executeBatch();
        }
        insertProblems(c, "INSERT INTO env_problem(env_key, severity, file, pointer, line, message) VALUES (?,?,?,?,?,?)", key,
                problems);
        return key;
    }

    private static void bindEnv(PreparedStatement st, EnvironmentSpec env, Provenance p, String doc) throws SQLException {
        st.setString(1, env.id());
        st.setString(2, env.name());
        st.setString(3, env.version());
        st.setString(4, env.software());
        st.setString(5, env.plugin());
        st.setString(6, p == null ? Provenance.ENVFORGE : p.format());
        st.setString(7, p == null ? null : p.origin());
        st.setString(8, p == null ? null : p.licence());
        st.setString(9, env.description());
        st.setString(10, doc);
    }

    /**
     * Inserts the task, or replaces the documents and files of the task with the same name in the
     * environment. A new task starts as draft with a history entry; an updated one keeps its status
     * and history. Returns the row key.
     */
    public long upsertTask(long envKey, TaskSpec task, List<SpecFile> files, List<Problem> problems, String actor,
            String reason) {
        return db.write(c -> upsertTask(c, envKey, task, files, problems, actor, reason));
    }

    private static long upsertTask(Connection c, long envKey, TaskSpec task, List<SpecFile> files, List<Problem> problems,
            String actor, String reason) throws SQLException {
        String now = Instant.now().toString();
        ObjectNode docs = JsonNodeFactory.instance.objectNode();
        task.documents().forEach(docs::set);
        Long key = null;
        try (PreparedStatement st = c.prepareStatement("SELECT key FROM task WHERE env_key=? AND name=?")) {
            st.setLong(1, envKey);
            st.setString(2, task.name());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    key = rs.getLong(1);
                }
            }
        }
        if (key == null) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO task(env_key, id, name, instruction, difficulty, checker, "
                    + "status, documents, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setLong(1, envKey);
                st.setString(2, task.id());
                st.setString(3, task.name());
                st.setString(4, task.instruction());
                st.setString(5, task.difficulty());
                st.setString(6, task.checker().describe());
                st.setString(7, TaskStatus.DRAFT.name());
                st.setString(8, JsonFiles.compact(docs));
                st.setString(9, now);
                st.setString(10, now);
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    key = rs.getLong(1);
                }
            }
            addHistory(c, key, TaskStatus.DRAFT, actor, now, reason);
        } else {
            try (PreparedStatement st = c.prepareStatement("UPDATE task SET id=?, instruction=?, difficulty=?, checker=?, "
                    + "documents=?, updated_at=? WHERE key=?")) {
                st.setString(1, task.id());
                st.setString(2, task.instruction());
                st.setString(3, task.difficulty());
                st.setString(4, task.checker().describe());
                st.setString(5, JsonFiles.compact(docs));
                st.setString(6, now);
                st.setLong(7, key);
                st.executeUpdate();
            }
            exec(c, "DELETE FROM task_file WHERE task_key=?", key);
            exec(c, "DELETE FROM task_problem WHERE task_key=?", key);
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO task_file(task_key, path, sha256, size) VALUES (?,?,?,?)")) {
            for (SpecFile f : files) {
                st.setLong(1, key);
                st.setString(2, f.path());
                st.setString(3, f.sha256());
                st.setLong(4, f.size());
                st.addBatch();
            }
            st.executeBatch();
        }
        insertProblems(c, "INSERT INTO task_problem(task_key, severity, file, pointer, line, message) VALUES (?,?,?,?,?,?)", key,
                problems);
        return key;
    }

    /**
     * A task to store with its environment.
     *
     * @param audit the status its audit gave it, or null when it had none
     */
    public record TaskWrite(TaskSpec task, List<SpecFile> files, String actor, String reason, StatusChange audit) {

        public TaskWrite {
            files = List.copyOf(files);
        }
    }

    /**
     * Stores an environment and its tasks in one transaction, so that it is there whole or not at
     * all. A task that is new or still a draft takes its audit's status; one a curator has moved
     * on since (approved, say) keeps its status. Returns the environment's row key.
     */
    public long storeEnvironment(EnvironmentSpec env, List<SpecFile> files, List<TaskWrite> tasks) {
        return db.write(c -> {
            long envKey = upsertEnvironment(c, env, files, List.of());
            for (TaskWrite t : tasks) {
                long key = upsertTask(c, envKey, t.task(), t.files(), List.of(), t.actor(), t.reason());
                if (t.audit() != null && status(c, key) == TaskStatus.DRAFT) {
                    setStatus(c, key, t.audit().status(), t.audit().actor(), t.audit().reason());
                }
            }
            return envKey;
        });
    }

    /** Moves a task to a status, recording who, when and why. */
    public void setStatus(long taskKey, TaskStatus status, String actor, String reason) {
        db.write(c -> {
            setStatus(c, taskKey, status, actor, reason);
            return null;
        });
    }

    private static void setStatus(Connection c, long taskKey, TaskStatus status, String actor, String reason) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE task SET status=?, updated_at=? WHERE key=?")) {
            String now = Instant.now().toString();
            st.setString(1, status.name());
            st.setString(2, now);
            st.setLong(3, taskKey);
            if (st.executeUpdate() == 0) {
                throw new IllegalArgumentException("no task with key " + taskKey);
            }
            addHistory(c, taskKey, status, actor, now, reason);
        }
    }

    private static TaskStatus status(Connection c, long taskKey) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT status FROM task WHERE key=?")) {
            st.setLong(1, taskKey);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return TaskStatus.valueOf(rs.getString(1));
            }
        }
    }

    private static void addHistory(Connection c, long taskKey, TaskStatus status, String actor, String at, String reason)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO task_status_event(task_key, status, actor, at, reason) VALUES (?,?,?,?,?)")) {
            st.setLong(1, taskKey);
            st.setString(2, status.name());
            st.setString(3, actor);
            st.setString(4, at);
            st.setString(5, reason);
            st.executeUpdate();
        }
    }

    private static void insertProblems(Connection c, String sql, long key, List<Problem> problems) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (Problem p : problems) {
                st.setLong(1, key);
                st.setString(2, p.severity().name());
                st.setString(3, p.file());
                st.setString(4, p.pointer() == null ? "" : p.pointer());
                st.setInt(5, p.line());
                st.setString(6, p.message());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void exec(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, key);
            st.executeUpdate();
        }
    }

    private static Long envKey(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT key FROM environment WHERE id=?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    // Reads --------------------------------------------------------------------------------------

    public List<EnvironmentSummary> environments() {
        return db.read(c -> {
            Map<Long, Map<TaskStatus, Integer>> counts = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT env_key, status, count(*) FROM task GROUP BY env_key, status");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TaskStatus.class))
                            .put(TaskStatus.valueOf(rs.getString(2)), rs.getInt(3));
                }
            }
            List<EnvironmentSummary> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT key, id, name, software, plugin, source, description FROM environment ORDER BY software, name, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<TaskStatus, Integer> byStatus = counts.getOrDefault(rs.getLong(1), Map.of());
                    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
                    out.add(new EnvironmentSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), total, byStatus));
                }
            }
            return out;
        });
    }

    public Optional<StoredEnvironment> environment(String id) {
        return db.read(c -> {
            Long key = envKey(c, id);
            if (key == null) {
                return Optional.empty();
            }
            EnvironmentSummary summary = environments(c, key);
            ObjectNode doc;
            Provenance prov;
            try (PreparedStatement st = c.prepareStatement("SELECT document, source, origin, licence FROM environment WHERE key=?")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    doc = JsonFiles.parseStored(rs.getString(1));
                    prov = new Provenance(rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
            return Optional.of(new StoredEnvironment(summary, doc, files(c, "env_file", "env_key", key),
                    problems(c, "env_problem", "env_key", key), prov));
        });
    }

    private EnvironmentSummary environments(Connection c, long key) throws SQLException {
        Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
        try (PreparedStatement st = c.prepareStatement("SELECT status, count(*) FROM task WHERE env_key=? GROUP BY status")) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(TaskStatus.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT key, id, name, software, plugin, source, description FROM environment WHERE key=?")) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
                return new EnvironmentSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), total, byStatus);
            }
        }
    }

    private static final String TASK_SUMMARY = "SELECT t.key, e.id, e.software, e.source, t.id, t.name, t.instruction, "
            + "t.difficulty, t.checker, t.status, (SELECT count(*) FROM task_problem p WHERE p.task_key = t.key) "
            + "FROM task t JOIN environment e ON e.key = t.env_key";

    private static TaskSummary taskSummary(ResultSet rs) throws SQLException {
        return new TaskSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), TaskStatus.valueOf(rs.getString(10)),
                rs.getInt(11));
    }

    public List<TaskSummary> tasks(TaskFilter filter) {
        StringBuilder sql = new StringBuilder(TASK_SUMMARY).append(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        filter.status().ifPresent(s -> {
            sql.append(" AND t.status = ?");
            args.add(s.name());
        });
        filter.software().ifPresent(s -> {
            sql.append(" AND e.software = ?");
            args.add(s);
        });
        filter.difficulty().ifPresent(d -> {
            sql.append(" AND t.difficulty = ?");
            args.add(d);
        });
        filter.source().ifPresent(s -> {
            sql.append(" AND e.source = ?");
            args.add(s);
        });
        filter.envId().ifPresent(e -> {
            sql.append(" AND e.id = ?");
            args.add(e);
        });
        filter.text().ifPresent(t -> {
            sql.append(" AND (t.name LIKE ? OR t.instruction LIKE ?)");
            args.add("%" + t + "%");
            args.add("%" + t + "%");
        });
        sql.append(" ORDER BY e.software, e.id, t.name");
        return db.read(c -> {
            List<TaskSummary> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(taskSummary(rs));
                    }
                }
            }
            return out;
        });
    }

    /** A task by "ENV_ID/TASK_NAME", or by task id when that is unique. */
    public Optional<Long> findTask(String ref) {
        return db.read(c -> {
            int slash = ref.lastIndexOf('/');
            if (slash > 0) {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT t.key FROM task t JOIN environment e ON e.key = t.env_key WHERE e.id = ? AND t.name = ?")) {
                    st.setString(1, ref.substring(0, slash));
                    st.setString(2, ref.substring(slash + 1));
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT key FROM task WHERE id = ? OR name = ?")) {
                st.setString(1, ref);
                st.setString(2, ref);
                try (ResultSet rs = st.executeQuery()) {
                    List<Long> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(rs.getLong(1));
                    }
                    return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
                }
            }
        });
    }

    public Optional<StoredTask> task(long key) {
        return db.read(c -> {
            TaskSummary summary;
            ObjectNode docs;
            try (PreparedStatement st = c.prepareStatement(TASK_SUMMARY + " WHERE t.key = ?")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    summary = taskSummary(rs);
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT documents FROM task WHERE key = ?")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    docs = JsonFiles.parseStored(rs.getString(1));
                }
            }
            Map<String, ObjectNode> documents = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = docs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                documents.put(e.getKey(), (ObjectNode) e.getValue());
            }
            List<StatusChange> history = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT status, actor, at, reason FROM task_status_event WHERE task_key = ? ORDER BY key")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        history.add(new StatusChange(TaskStatus.valueOf(rs.getString(1)), rs.getString(2),
                                Instant.parse(rs.getString(3)), rs.getString(4)));
                    }
                }
            }
            return Optional.of(new StoredTask(summary, documents, files(c, "task_file", "task_key", key),
                    problems(c, "task_problem", "task_key", key), history));
        });
    }

    /** The statuses of an environment's tasks by task name (empty when there is no such environment). */
    public Map<String, TaskStatus> taskStatuses(String envId) {
        return db.read(c -> {
            Map<String, TaskStatus> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT t.name, t.status FROM task t JOIN environment e ON e.key = t.env_key WHERE e.id = ? ORDER BY t.name")) {
                st.setString(1, envId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), TaskStatus.valueOf(rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The tasks of an environment in name order, as row keys. */
    public List<Long> taskKeys(String envId) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT t.key FROM task t JOIN environment e ON e.key = t.env_key WHERE e.id = ? ORDER BY t.name")) {
                st.setString(1, envId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    public int countTasks() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM task")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<SpecFile> files(Connection c, String table, String keyColumn, long key) throws SQLException {
        List<SpecFile> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT path, sha256, size FROM " + table + " WHERE " + keyColumn
                + " = ? ORDER BY path")) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new SpecFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    private static List<Problem> problems(Connection c, String table, String keyColumn, long key) throws SQLException {
        List<Problem> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT severity, file, pointer, line, message FROM " + table + " WHERE "
                + keyColumn + " = ? ORDER BY rowid")) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Problem(Problem.Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }
}
