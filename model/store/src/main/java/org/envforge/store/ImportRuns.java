package org.envforge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.envforge.spec.Problem;

/** The record of each import: when, what, counts and every problem found. */
public final class ImportRuns {

    private final Database db;

    public ImportRuns(Store store) {
        this.db = store.database();
    }

    public long start(String paths) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO import_run(started_at, paths) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, Instant.now().toString());
                st.setString(2, paths);
                st.executeUpdate();
                try (ResultSet rs = st.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void addProblems(long run, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO import_problem(run_key, severity, file, pointer, line, message) VALUES (?,?,?,?,?,?)")) {
                for (Problem p : problems) {
                    st.setLong(1, run);
                    st.setString(2, p.severity().name());
                    st.setString(3, p.file());
                    st.setString(4, p.pointer() == null ? "" : p.pointer());
                    st.setInt(5, p.line());
                    st.setString(6, p.message());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    public void finish(long run, int environments, int tasks, int warnings, int errors) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE import_run SET finished_at=?, environments=?, tasks=?, warnings=?, errors=? WHERE key=?")) {
                st.setString(1, Instant.now().toString());
                st.setInt(2, environments);
                st.setInt(3, tasks);
                st.setInt(4, warnings);
                st.setInt(5, errors);
                st.setLong(6, run);
                return st.executeUpdate();
            }
        });
    }
}
