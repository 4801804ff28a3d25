package org.envforge.plugins.sqlitebrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlProbeTest {

    @TempDir
    Path dir;

    private static ObjectNode args(String db, String query) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("db", db);
        a.put("query", query);
        return a;
    }

    @Test
    void commandReadsTheDatabaseReadOnlyInTheHome() {
        assertThat(SqlProbe.PROBE.commandLine(args("~/oews.db", "SELECT 1")).orElseThrow())
                .containsExactly("sqlite3", "-readonly", "-safe", "-batch", "-noheader", "-list", "-cmd", ".timeout 5000",
                        "/home/envforge/oews.db", "SELECT 1");
    }

    @Test
    void pathsResolveAgainstTheHome() {
        assertThat(SqlProbe.path("~/a/b.db", "/h")).isEqualTo("/h/a/b.db");
        assertThat(SqlProbe.path("b.db", "/h")).isEqualTo("/h/b.db");
        assertThat(SqlProbe.path("/tmp/c.db", "/h")).isEqualTo("/tmp/c.db");
        assertThatThrownBy(() -> SqlProbe.path("", "/h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlProbe.command(args("~/x.db", " "), "/h")).isInstanceOf(IllegalArgumentException.class);
    }

    /** As DB Browser does before Write Changes, a writer holds an open transaction: the probe sees the committed data. */
    @Test
    void seesCommittedDataOnlyWhileAWriterHoldsATransaction() throws Exception {
        Assumptions.assumeTrue(run("sqlite3", dir.resolve("t.db").toString(),
                "CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);").isPresent(), "sqlite3 is not installed");
        Process writer = new ProcessBuilder("sqlite3", "-batch", dir.resolve("t.db").toString()).redirectErrorStream(true).start();
        try {
            OutputStream in = writer.getOutputStream();
            in.write("BEGIN; UPDATE t SET v = 2; SELECT 'updated';\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            byte[] buf = new byte[7];
            assertThat(writer.getInputStream().readNBytes(buf, 0, 7)).isEqualTo(7);
            assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("updated");
            String[] probe = SqlProbe.command(args("t.db", "SELECT v FROM t"), dir.toString()).toArray(String[]::new);
            assertThat(run(probe).orElseThrow().strip()).isEqualTo("1");
            in.write("COMMIT;\n".getBytes(StandardCharsets.UTF_8));
            in.close();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run(probe).orElseThrow().strip()).isEqualTo("2");
            String[] missing = SqlProbe.command(args("none.db", "SELECT 1"), dir.toString()).toArray(String[]::new);
            assertThat(run(missing)).as("a missing database is not created").isEmpty();
            assertThat(dir.resolve("none.db")).doesNotExist();
        } finally {
            writer.destroy();
        }
    }

    /** The standard output of a command that succeeded, else empty. */
    private static Optional<String> run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
