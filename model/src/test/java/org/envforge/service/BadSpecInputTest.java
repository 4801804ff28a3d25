package org.envforge.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envforge.spec.Corpus;
import org.envforge.spec.Problem;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad specs get clear errors naming file and JSON pointer (or line), only the bad task is skipped,
 * and nothing already stored is lost.
 */
class BadSpecInputTest {

    @TempDir
    Path dir;

    private Store store;
    private EnvironmentService service;
    private Path env;

    @BeforeEach
    void setUp() {
        store = Store.open(dir.resolve("data"));
        service = new EnvironmentService(() -> store);
        env = Corpus.copy(Corpus.env("wps_office_writer_env"), dir.resolve("src/wps_office_writer_env"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path task(String name) {
        return env.resolve("tasks").resolve(name);
    }

    private static Problem only(ImportReport r, Problem.Severity s, String fileEnd) {
        return r.problems().stream().filter(p -> p.severity() == s && p.file().endsWith(fileEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + s + " for " + fileEnd + " in " + r.problems()));
    }

    @Test
    void malformedJsonIsAnErrorForThatTaskOnlyWithItsLine() throws IOException {
        Files.writeString(task("create_data_table").resolve("task.json"), "{\n  \"id\": \"create_data_table@1\",\n  \"description\": \n}\n");
        ImportReport r = service.importPaths(List.of(env), p -> { });
        assertThat(r.tasksStored()).isEqualTo(22);
        assertThat(r.tasksFailed()).isEqualTo(1);
        Problem p = only(r, Problem.Severity.ERROR, "tasks/create_data_table/task.json");
        assertThat(p.message()).startsWith("malformed JSON");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.toString()).contains("wps_office_writer_env/tasks/create_data_table/task.json (line 4): malformed JSON");
    }

    @Test
    void wrongTypesNameTheirJsonPointer() throws IOException {
        Path f = task("create_data_table").resolve("task.json");
        Files.writeString(f, Files.readString(f).replace("\"max_steps\": 60", "\"max_steps\": \"fifty\""));
        Path c = task("course_syllabus_format").resolve("vlm_checklist.json");
        Files.writeString(c, Files.readString(c).replaceFirst("\"points\": (\\d+)", "\"points\": \"$1\""));
        ImportReport r = service.importPaths(List.of(env), p -> { });
        assertThat(r.tasksFailed()).isEqualTo(2);
        Problem steps = only(r, Problem.Severity.ERROR, "create_data_table/task.json");
        assertThat(steps.pointer()).isEqualTo("/init/max_steps");
        assertThat(steps.message()).isEqualTo("expected a whole number, found a string (\"fifty\")");
        Problem points = only(r, Problem.Severity.ERROR, "course_syllabus_format/vlm_checklist.json");
        assertThat(points.pointer()).isEqualTo("/task_completion/0/points");
        assertThat(points.message()).startsWith("expected a number, found a string");
    }

    @Test
    void pathTraversalInHooksAndMountsIsRefusedAsUnsafe() throws IOException {
        Path f = task("create_data_table").resolve("task.json");
        Files.writeString(f, Files.readString(f).replace("/workspace/tasks/create_data_table/setup_task.sh",
                "../../../../etc/cron.daily/evil.sh"));
        ImportReport r = service.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "create_data_table/task.json");
        assertThat(p.pointer()).isEqualTo("/hooks/pre_task");
        assertThat(p.message()).contains("unsafe").contains("leads outside the environment folder");
        assertThat(r.tasksFailed()).isEqualTo(1);

        Path envJson = env.resolve("env.json");
        Files.writeString(envJson, Files.readString(envJson).replace("benchmarks/cua_world/environments/wps_office_writer_env/tasks",
                "/home"));
        ImportReport bad = service.validate(List.of(env), x -> { });
        Problem mount = only(bad, Problem.Severity.ERROR, "wps_office_writer_env/env.json");
        assertThat(mount.pointer()).matches("/mounts/\\d+/source");
        assertThat(mount.message()).contains("unsafe: an absolute host path (/home)");
        assertThat(bad.environments()).isZero();
        assertThat(bad.tasksStored()).isZero();
    }

    @Test
    void aLinkPointingOutsideIsRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("host-secret.txt"), "password=hunter2");
        Files.createSymbolicLink(task("create_data_table").resolve("data.txt"), secret);
        ImportReport r = service.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "create_data_table/data.txt");
        assertThat(p.message()).contains("unsafe: a link that leads outside the folder");
        assertThat(r.tasksFailed()).isEqualTo(1);
        // The secret was not copied into the blob store.
        assertThat(store.blobs().contains(org.envforge.store.BlobStore.sha256(Files.readAllBytes(secret)))).isFalse();
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead() throws IOException {
        Path huge = task("create_data_table").resolve("dump.bin");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(51L * 1024 * 1024); // sparse: nothing is written
        }
        ImportReport r = service.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "create_data_table/dump.bin");
        assertThat(p.message()).isEqualTo("too large (51.0 MB; the limit is 50 MB); refused");
        assertThat(r.tasksStored()).isEqualTo(22);
    }

    @Test
    void aBadReimportKeepsWhatWasStored() throws IOException {
        ImportReport first = service.importPaths(List.of(env), p -> { });
        assertThat(first.tasksStored()).isEqualTo(23);
        StoredTask before = service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow();
        service.setStatus("wps_office_writer_env@0.1/create_data_table", org.envforge.spec.TaskStatus.APPROVED, "curator",
                "looks right");
        Files.writeString(task("create_data_table").resolve("task.json"), "{ broken");
        Path other = task("course_syllabus_format").resolve("task.json");
        Files.writeString(other, Files.readString(other).replace("\"difficulty\": \"hard\"", "\"difficulty\": \"medium\""));
        ImportReport second = service.importPaths(List.of(env), p -> { });
        assertThat(second.tasksFailed()).isEqualTo(1);
        StoredTask after = service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow();
        assertThat(after.documents()).isEqualTo(before.documents());
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(after.summary().status()).isEqualTo(org.envforge.spec.TaskStatus.APPROVED);
        assertThat(after.history()).hasSize(2);
        assertThat(service.tasks(TaskFilter.all())).hasSize(23);
        assertThat(service.task("wps_office_writer_env@0.1/course_syllabus_format").orElseThrow().summary().difficulty())
                .isEqualTo("medium");
    }

    @Test
    void pathsWithNothingToImportAreClearErrors() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ImportReport r = service.importPaths(List.of(empty, dir.resolve("missing")), p -> { });
        assertThat(r.problems()).extracting(Problem::message)
                .containsExactly("nothing to import: no env.json (Gym-Anything) and no OSWorld task JSON", "no such file or folder");
        Path notTask = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        assertThat(service.importPaths(List.of(notTask), p -> { }).problems().get(0).message())
                .isEqualTo("not an OSWorld task (it has no instruction and evaluator)");
    }
}
