package org.envforge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.envforge.json.JsonFiles;
import org.envforge.spec.Corpus;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.Problem;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.Environments;
import org.envforge.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad specs get clear errors naming file and JSON pointer (or line), only the bad task is skipped,
 * and nothing already stored is lost. Folders made to hurt: a re-import writes nothing until it is
 * checked, no stored name makes an export write outside its folder, no FIFO is opened, and odd
 * shapes get errors that say what is wrong with which file.
 */
class BadSpecInputTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Store store;
    private EnvironmentService service;
    private EnvironmentImport imports;
    private EnvironmentExport exports;
    private Path env;

    @BeforeEach
    void setUp() {
        store = Store.open(dir.resolve("data"));
        service = new EnvironmentService(() -> store);
        imports = new EnvironmentImport(() -> store);
        exports = new EnvironmentExport(() -> store);
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
        Files.writeString(task("create_data_table").resolve("task.json"),
                "{\n  \"id\": \"create_data_table@1\",\n  \"description\": \n}\n");
        ImportReport r = imports.importPaths(List.of(env), p -> { });
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
        ImportReport r = imports.importPaths(List.of(env), p -> { });
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
        ImportReport r = imports.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "create_data_table/task.json");
        assertThat(p.pointer()).isEqualTo("/hooks/pre_task");
        assertThat(p.message()).contains("unsafe").contains("leads outside the environment folder");
        assertThat(r.tasksFailed()).isEqualTo(1);

        Path envJson = env.resolve("env.json");
        Files.writeString(envJson, Files.readString(envJson).replace("benchmarks/cua_world/environments/wps_office_writer_env/tasks",
                "/home"));
        ImportReport bad = imports.validate(List.of(env), x -> { });
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
        ImportReport r = imports.importPaths(List.of(env), p -> { });
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
        ImportReport r = imports.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "create_data_table/dump.bin");
        assertThat(p.message()).isEqualTo("too large (51.0 MB; the limit is 50 MB); refused");
        assertThat(r.tasksStored()).isEqualTo(22);
    }

    @Test
    void aBadReimportKeepsWhatWasStored() throws IOException {
        ImportReport first = imports.importPaths(List.of(env), p -> { });
        assertThat(first.tasksStored()).isEqualTo(23);
        StoredTask before = service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow();
        service.setStatus("wps_office_writer_env@0.1/create_data_table", org.envforge.spec.TaskStatus.APPROVED, "curator",
                "looks right");
        Files.writeString(task("create_data_table").resolve("task.json"), "{ broken");
        Path other = task("course_syllabus_format").resolve("task.json");
        Files.writeString(other, Files.readString(other).replace("\"difficulty\": \"hard\"", "\"difficulty\": \"medium\""));
        ImportReport second = imports.importPaths(List.of(env), p -> { });
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
        ImportReport r = imports.importPaths(List.of(empty, dir.resolve("missing")), p -> { });
        assertThat(r.problems()).extracting(Problem::message)
                .containsExactly("nothing to import: no env.json (Gym-Anything) and no OSWorld task JSON", "no such file or folder");
        Path notTask = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
        assertThat(imports.importPaths(List.of(notTask), p -> { }).problems().get(0).message())
                .isEqualTo("not an OSWorld task (it has no instruction and evaluator)");
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
    }

    private static List<Path> named(Path root, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    // Item 9 -------------------------------------------------------------------------------------

    @Test
    void aReimportWhoseTasksAllFailLeavesTheStoredEnvironmentUntouched() throws IOException {
        assertThat(imports.importPaths(List.of(env), p -> { }).tasksStored()).isEqualTo(23);
        StoredEnvironment before = service.environment("wps_office_writer_env@0.1").orElseThrow();
        StoredTask taskBefore = service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow();
        // A valid but different env.json, a new environment file, and every task broken.
        Path envJson = env.resolve("env.json");
        Files.writeString(envJson, Files.readString(envJson).replace("\"description\": \"WPS", "\"description\": \"CHANGED WPS"));
        Files.writeString(env.resolve("new_script.sh"), "echo new\n");
        try (Stream<Path> tasks = Files.list(env.resolve("tasks"))) {
            for (Path t : tasks.filter(Files::isDirectory).toList()) {
                Files.writeString(t.resolve("task.json"), "{ broken");
            }
        }
        ImportReport r = imports.importPaths(List.of(env), p -> { });
        assertThat(r.tasksStored()).isZero();
        assertThat(r.tasksFailed()).isEqualTo(23);
        assertThat(r.environments()).isZero();
        StoredEnvironment after = service.environment("wps_office_writer_env@0.1").orElseThrow();
        assertThat(after.document()).isEqualTo(before.document());
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(after.problems()).isEqualTo(before.problems());
        assertThat(service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow().documents())
                .isEqualTo(taskBefore.documents());
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("wps_office_writer_env/env.json");
            assertThat(p.message()).contains("not stored").contains("none of its 23 tasks");
        });

        // Once one task is good again, the environment and that task are stored.
        Files.copy(Corpus.env("wps_office_writer_env").resolve("tasks/create_data_table/task.json"),
                task("create_data_table").resolve("task.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ImportReport again = imports.importPaths(List.of(env), p -> { });
        assertThat(again.tasksStored()).isEqualTo(1);
        assertThat(again.environments()).isEqualTo(1);
        assertThat(service.environment("wps_office_writer_env@0.1").orElseThrow().summary().description()).startsWith("CHANGED");
    }

    @Test
    void aReimportWithABadEnvJsonLeavesEverythingUntouched() throws IOException {
        imports.importPaths(List.of(env), p -> { });
        StoredEnvironment before = service.environment("wps_office_writer_env@0.1").orElseThrow();
        StoredTask taskBefore = service.task("wps_office_writer_env@0.1/course_syllabus_format").orElseThrow();
        Path envJson = env.resolve("env.json");
        Files.writeString(envJson, Files.readString(envJson).replace("\"cpu\": 4", "\"cpu\": \"four\""));
        Path other = task("course_syllabus_format").resolve("task.json");
        Files.writeString(other, Files.readString(other).replace("\"difficulty\": \"hard\"", "\"difficulty\": \"medium\""));
        ImportReport r = imports.importPaths(List.of(env), p -> { });
        assertThat(only(r, Problem.Severity.ERROR, "env.json").pointer()).isEqualTo("/resources/cpu");
        assertThat(r.tasksStored()).isZero();
        StoredEnvironment after = service.environment("wps_office_writer_env@0.1").orElseThrow();
        assertThat(after.document()).isEqualTo(before.document());
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(service.task("wps_office_writer_env@0.1/course_syllabus_format").orElseThrow().documents())
                .isEqualTo(taskBefore.documents());
    }

    // Item 12 ------------------------------------------------------------------------------------

    private static String osworldTask(String id, String snapshot) {
        return "{\"id\": \"" + id + "\", \"snapshot\": \"" + snapshot + "\", \"instruction\": \"Do it.\", \"source\": \"x\", "
                + "\"config\": [], \"related_apps\": [\"chrome\"], \"evaluator\": {\"func\": \"infeasible\"}}";
    }

    @Test
    void osworldIdsAndSnapshotsThatWouldBecomePathsAreRefusedAtImport() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("osworld/chrome"));
        Files.writeString(folder.resolve("a.json"), osworldTask("../../tmp/escape-id", "chrome"));
        Files.writeString(folder.resolve("b.json"), osworldTask("b-1", "../../../../tmp/escape-snapshot"));
        Files.writeString(folder.resolve("c.json"), osworldTask("c/d", "chrome"));
        Files.writeString(folder.resolve("d.json"), osworldTask("..", "chrome"));
        Files.writeString(folder.resolve("ok.json"), osworldTask("0f1e-ok", "chrome"));
        ImportReport r = imports.importPaths(List.of(dir.resolve("osworld")), p -> { });
        assertThat(r.tasksStored()).isEqualTo(1);
        assertThat(r.tasksFailed()).isEqualTo(4);
        Problem id = only(r, Problem.Severity.ERROR, "chrome/a.json");
        assertThat(id.pointer()).isEqualTo("/id");
        assertThat(id.message()).contains("unsafe").contains("../../tmp/escape-id");
        Problem snapshot = only(r, Problem.Severity.ERROR, "chrome/b.json");
        assertThat(snapshot.pointer()).isEqualTo("/snapshot");
        assertThat(snapshot.message()).contains("unsafe");
        assertThat(only(r, Problem.Severity.ERROR, "chrome/c.json").pointer()).isEqualTo("/id");
        assertThat(only(r, Problem.Severity.ERROR, "chrome/d.json").pointer()).isEqualTo("/id");
        assertThat(service.environments()).extracting(e -> e.id()).containsExactly("osworld_chrome@osworld");
    }

    @Test
    void exportsRefuseStoredNamesThatLeaveTheirFolderWhateverTheStoreHolds() throws IOException {
        // What an older version could have stored: a snapshot, a task name and a file path that climb out.
        Environments envs = new Environments(store);
        EnvironmentSpec evil = OsworldFormat.environmentFor("../../../escape-snapshot", "chrome", "");
        long key = envs.upsertEnvironment(evil, List.of(), List.of());
        ObjectNode doc = JsonFiles.parseStored(osworldTask("../../escape-task", "chrome"));
        TaskSpec t = OsworldFormat.parseTask(doc, "t.json", evil.id(), new ArrayList<>());
        envs.upsertTask(key, t, List.of(), List.of(), "test", "written by an older version");
        Path out = dir.resolve("out/a/b");

        assertThatThrownBy(() -> exports.exportOsworld(evil.id(), out, OsworldFormat.ProbeCommands.BUILT_IN, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the export folder")
                .hasMessageContaining("../../../escape-snapshot");
        ExportReport gym = exports.exportGymAnything(evil.id(), dir.resolve("out/g"), true);
        assertThat(gym.tasksWritten()).isZero();
        assertThat(gym.skipped()).singleElement().asString().contains("../../escape-task").contains("outside the export folder");

        // A Gym-Anything task whose stored file path climbs out is skipped; the others are written.
        imports.importPaths(List.of(env), p -> { });
        StoredTask stored = service.task("wps_office_writer_env@0.1/create_data_table").orElseThrow();
        EnvironmentSpec envSpec = EnvironmentService.spec(service.environment("wps_office_writer_env@0.1").orElseThrow(),
                new ArrayList<>());
        TaskSpec spec = EnvironmentService.spec(stored, envSpec, new ArrayList<>());
        List<SpecFile> files = new ArrayList<>(stored.files());
        byte[] bytes = "escaped\n".getBytes(StandardCharsets.UTF_8);
        files.add(new SpecFile("../../../escape-file", store.blobs().put(bytes), bytes.length));
        long envKey = envs.environment("wps_office_writer_env@0.1").orElseThrow().summary().key();
        envs.upsertTask(envKey, spec, files, List.of(), "test", "written by an older version");
        ExportReport wps = exports.exportGymAnything("wps_office_writer_env@0.1", dir.resolve("out/w"), true);
        assertThat(wps.tasksWritten()).isEqualTo(22);
        assertThat(wps.skipped()).singleElement().asString().contains("create_data_table").contains("../../../escape-file");
        assertThat(named(dir, "escape-")).isEmpty();
    }

    @Test
    void aLicenceLinkedOutsideIsNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("host-secret.txt"), "root:$6$hunter2:19000\n");
        Files.createSymbolicLink(env.getParent().resolve("LICENSE"), secret); // a folder above, where licences are looked for
        imports.importPaths(List.of(env), p -> { });
        assertThat(service.environment("wps_office_writer_env@0.1").orElseThrow().provenance().licence()).isNull();
    }

    // Item 13 ------------------------------------------------------------------------------------

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path t = task("create_data_table");
        mkfifo(t.resolve("pipe"));
        Files.delete(t.resolve("task.json"));
        Files.createSymbolicLink(t.resolve("task.json"), Path.of("pipe"));
        ImportReport r = assertTimeoutPreemptively(HANG, () -> imports.importPaths(List.of(env), p -> { }));
        assertThat(only(r, Problem.Severity.ERROR, "tasks/create_data_table/task.json").message()).contains("not a regular file");
        assertThat(r.tasksStored()).isEqualTo(22);

        Path direct = dir.resolve("direct.json");
        mkfifo(direct);
        ImportReport d = assertTimeoutPreemptively(HANG, () -> imports.importPaths(List.of(direct), p -> { }));
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(direct.toString());
            assertThat(p.message()).contains("not a regular file");
        });
        Path linked = dir.resolve("linked.json");
        Files.createSymbolicLink(linked, direct);
        ImportReport l = assertTimeoutPreemptively(HANG, () -> imports.validate(List.of(linked), p -> { }));
        assertThat(l.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not a regular file"));
    }

    // Item 16 ------------------------------------------------------------------------------------

    @Test
    void aTaskJsonThatIsAFolderIsSaidToBeAFolder() throws IOException {
        Path t = task("create_data_table");
        Files.delete(t.resolve("task.json"));
        Files.createDirectories(t.resolve("task.json"));
        Files.writeString(t.resolve("task.json/inner.txt"), "x");
        ImportReport r = imports.importPaths(List.of(env), p -> { });
        Problem p = only(r, Problem.Severity.ERROR, "tasks/create_data_table/task.json");
        assertThat(p.message()).contains("a folder").doesNotContain("missing");
        assertThat(r.tasksFailed()).isEqualTo(1);
    }

    @Test
    void anEnvJsonThatIsAFolderIsSaidToBeAFolder() throws IOException {
        Path octave = Corpus.copy(Corpus.env("gnu_octave_env"), dir.resolve("src/gnu_octave_env"));
        Files.delete(octave.resolve("env.json"));
        Files.createDirectories(octave.resolve("env.json"));
        for (Path p : List.of(octave, octave.getParent())) {
            ImportReport r = imports.validate(List.of(p), x -> { });
            Problem e = only(r, Problem.Severity.ERROR, "env.json");
            assertThat(e.file()).isEqualTo("gnu_octave_env/env.json");
            assertThat(e.message()).contains("a folder").doesNotContain("nothing to import");
        }
    }

    @Test
    void aTasksEntryThatIsAFileIsAnError() throws IOException {
        Path octave = Corpus.copy(Corpus.env("gnu_octave_env"), dir.resolve("src/gnu_octave_env"));
        try (Stream<Path> s = Files.walk(octave.resolve("tasks"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(octave.resolve("tasks"), "iris_scatter_plot\n");
        ImportReport r = imports.validate(List.of(octave), x -> { });
        Problem e = only(r, Problem.Severity.ERROR, "gnu_octave_env/tasks");
        assertThat(e.message()).contains("a file, not a folder");

        // A tasks folder holding only files (no task folder) is said to have no tasks.
        Files.delete(octave.resolve("tasks"));
        Files.createDirectories(octave.resolve("tasks"));
        Files.writeString(octave.resolve("tasks/iris_scatter_plot"), "{}");
        ImportReport files = imports.validate(List.of(octave), x -> { });
        Problem w = only(files, Problem.Severity.WARNING, "gnu_octave_env/tasks");
        assertThat(w.message()).contains("no task folder");
    }
}
