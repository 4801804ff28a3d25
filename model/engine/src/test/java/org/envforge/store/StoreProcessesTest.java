package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.Corpus;
import org.envforge.spec.TaskFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one data folder, started at the same moment (each waits for a line on its
 * stdin): a brand-new folder is created and migrated once, and writers that read before they write
 * never fail with "database is locked".
 */
class StoreProcessesTest {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    /** Starts the store users, lets them go at once, and returns what each printed and its exit code. */
    private List<String> runAtOnce(Path data, Path env, int repeats) throws Exception {
        List<Process> ps = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), StoreUser.class.getName(), data.toString(),
                    env.toString(), String.valueOf(repeats)).redirectErrorStream(true).start();
            ps.add(p);
            outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader r : outs) {
            assertThat(r.readLine()).isEqualTo("ready");
        }
        for (Process p : ps) {
            OutputStream in = p.getOutputStream();
            in.write('\n');
            in.flush();
        }
        List<String> results = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            StringBuilder out = new StringBuilder();
            for (String line = outs.get(i).readLine(); line != null; line = outs.get(i).readLine()) {
                out.append(line).append('\n');
            }
            assertThat(ps.get(i).waitFor(5, TimeUnit.MINUTES)).isTrue();
            results.add("exit " + ps.get(i).exitValue() + ": " + out);
        }
        return results;
    }

    /** sqlite-jdbc's own copies of its native library in the temporary folder. */
    private static long tmpLibraries() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().matches("sqlite-.*libsqlitejdbc\\.so")).count();
        }
    }

    @Test
    void processesStartingAtOnceShareOneCopyOfTheNativeLibraryAndNoneIsLeftInTmp() throws Exception {
        long before = tmpLibraries();
        Path env = Corpus.env("gnu_octave_env");
        for (int round = 0; round < 3; round++) {
            Path data = dir.resolve("lib" + round);
            List<String> results = runAtOnce(data, env, 1);
            assertThat(results).as(String.join("\n", results)).allMatch(r -> r.startsWith("exit 0: "));
            try (var libs = Files.list(data.resolve(".native"))) {
                assertThat(libs.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("sqlitejdbc-");
            }
        }
        assertThat(tmpLibraries()).as("copies extracted into the temporary folder").isLessThanOrEqualTo(before);
        // The data folder is its user's alone.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lib0"))))
                .isEqualTo("rwx------");
    }

    @Test
    void processesOpeningABrandNewFolderAtOnceAllGetOneMigratedStore() throws Exception {
        Path env = Corpus.env("gnu_octave_env");
        for (int round = 0; round < 3; round++) {
            Path data = dir.resolve("data" + round);
            List<String> results = runAtOnce(data, env, 1);
            assertThat(results).as(String.join("\n", results)).allMatch(r -> r.startsWith("exit 0: ") && r.contains("ok"));
            try (Store store = Store.open(data)) {
                List<String> versions = store.database().read(c -> {
                    List<String> out = new ArrayList<>();
                    try (ResultSet rs = c.createStatement().executeQuery(
                            "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
                assertThat(versions).doesNotHaveDuplicates().hasSize(store.schemaVersion());
                EnvironmentService envs = new EnvironmentService(() -> store);
                assertThat(envs.environments()).hasSize(1);
                assertThat(envs.tasks(TaskFilter.all())).hasSize(envs.environments().get(0).tasks());
            }
        }
    }

    @Test
    void writersThatReadBeforeTheyWriteNeverFailWithDatabaseIsLocked() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            assertThat(store.schemaVersion()).isPositive();
        }
        Path env = Corpus.env("gnu_octave_env");
        List<String> results = runAtOnce(data, env, 15);
        assertThat(results).as(String.join("\n", results)).allMatch(r -> r.startsWith("exit 0: ") && r.contains("ok"));
        try (Store store = Store.open(data)) {
            EnvironmentService envs = new EnvironmentService(() -> store);
            int tasks = envs.environments().get(0).tasks();
            assertThat(envs.tasks(TaskFilter.all())).hasSize(tasks);
            // Every task was inserted once: one history entry (draft) each, however many imports ran.
            for (var t : envs.tasks(TaskFilter.all())) {
                assertThat(envs.task(t.key()).orElseThrow().history()).hasSize(1);
            }
            assertThat(Files.exists(data.resolve(Store.DB_FILE))).isTrue();
        }
    }
}
