package org.envforge.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.envforge.json.JsonFiles;
import org.envforge.spec.Checker;
import org.envforge.spec.Corpus;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.spec.Problem;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real Gym-Anything and OSWorld specs, exports them and imports them again. */
class EnvironmentImportTest {

    @TempDir
    Path dir;

    private Store store;
    private EnvironmentService service;
    private EnvironmentImport imports;
    private EnvironmentExport exports;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        service = new EnvironmentService(() -> store);
        imports = new EnvironmentImport(() -> store);
        exports = new EnvironmentExport(() -> store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFourSharedFoldersImportWithTheirExactTaskCounts() {
        List<ImportProgress> progress = new ArrayList<>();
        ImportReport r = imports.importPaths(List.of(Corpus.gymAnything()), progress::add);
        assertThat(r.errors()).as(r.problems().toString()).isZero();
        assertThat(r.environments()).isEqualTo(4);
        assertThat(r.tasksStored()).isEqualTo(220);
        assertThat(r.tasksFailed()).isZero();
        Map<String, Integer> counts = service.environments().stream()
                .collect(Collectors.toMap(EnvironmentSummary::name, EnvironmentSummary::tasks, (a, b) -> a, TreeMap::new));
        assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of("gnu_octave_env", 3, "libreoffice_calc_env", 191,
                "windows_notepad_env", 3, "wps_office_writer_env", 23)));
        // The scripts the specs refer to are not in the shared copy: warnings, not errors.
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.file()).isEqualTo("libreoffice_calc_env/env.json");
            assertThat(p.pointer()).isEqualTo("/hooks/pre_start");
            assertThat(p.message()).isEqualTo("refers to scripts/install_calc.sh, which is not in the folder");
        });
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("libreoffice_calc_env/tasks/basic_formulas/task.json");
            assertThat(p.pointer()).isEqualTo("/hooks/pre_task");
            assertThat(p.message()).contains("tasks/basic_formulas/setup_task.sh");
        });
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("checker program verifier.py"));
        // The Windows environment's PowerShell hooks resolve through its mounts too.
        ImportReport windows = imports.validate(List.of(Corpus.env("windows_notepad_env")), p -> { });
        assertThat(windows.errors()).isZero();
        assertThat(windows.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("windows_notepad_env/tasks/find_replace/task.json");
            assertThat(p.message()).contains("tasks/find_replace/setup_task.ps1");
        });
        assertThat(progress.get(progress.size() - 1).done()).isEqualTo(220);
        assertThat(progress.get(progress.size() - 1).total()).isEqualTo(220);
    }

    @Test
    void tasksKeepTheirChecklistPrivilegedInfoAndHistory() {
        imports.importPaths(List.of(Corpus.env("libreoffice_calc_env")), p -> { });
        StoredTask t = service.task("libreoffice_calc_env@0.1/basic_formulas").orElseThrow();
        assertThat(t.summary().status()).isEqualTo(TaskStatus.DRAFT);
        assertThat(t.history()).hasSize(1);
        assertThat(t.history().get(0).actor()).isEqualTo("import");
        StoredEnvironment env = service.environment("libreoffice_calc_env@0.1").orElseThrow();
        assertThat(env.provenance().licence()).isEqualTo("MIT License");
        TaskSpec spec = EnvironmentService.spec(t, EnvironmentService.spec(env, new ArrayList<>()), new ArrayList<>());
        assertThat(spec.instruction()).startsWith("Populate cells A1 through A5");
        assertThat(spec.limits().maxSteps()).isEqualTo(10);
        assertThat(spec.checker()).isEqualTo(new Checker.Program("verifier.py", "verify_basic_formulas"));
        assertThat(spec.checklist().completion()).hasSize(5);
        assertThat(spec.checklist().totalPoints()).isEqualTo(100);
        assertThat(spec.checklist().integrity()).hasSize(3);
        assertThat(spec.privilegedInfo().items()).hasSize(17);
        assertThat(spec.privilegedInfo().count(PrivilegedInfo.Status.VERIFIED)).isEqualTo(17);
        assertThat(spec.privilegedInfo().dataIsSynthetic()).isTrue();
        // Filters.
        assertThat(service.tasks(TaskFilter.all().withDifficulty("easy"))).isNotEmpty()
                .allMatch(s -> "easy".equals(s.difficulty()));
        assertThat(service.tasks(TaskFilter.all().withText("basic_formulas"))).extracting(TaskSummary::name)
                .containsExactly("basic_formulas");
    }

    @Test
    void importExportImportIsLossless() throws IOException {
        imports.importPaths(List.of(Corpus.gymAnything()), p -> { });
        Path out = dir.resolve("out");
        for (EnvironmentSummary e : service.environments()) {
            exports.exportGymAnything(e.id(), out, true);
        }
        // The exported folders hold the same files with the same bytes as the originals.
        for (String env : List.of("libreoffice_calc_env", "wps_office_writer_env", "gnu_octave_env", "windows_notepad_env")) {
            assertThat(tree(out.resolve(env))).isEqualTo(tree(Corpus.env(env)));
        }
        // And importing the export into a fresh store gives the same specs, field by field.
        try (Store second = Store.open(dir.resolve("data2"))) {
            EnvironmentService again = new EnvironmentService(() -> second);
            ImportReport r = new EnvironmentImport(() -> second).importPaths(List.of(out), p -> { });
            assertThat(r.tasksStored()).isEqualTo(220);
            for (EnvironmentSummary e : service.environments()) {
                StoredEnvironment a = service.environment(e.id()).orElseThrow();
                StoredEnvironment b = again.environment(e.id()).orElseThrow();
                assertThat(b.document()).isEqualTo(a.document());
                assertThat(b.files()).isEqualTo(a.files());
            }
            for (TaskSummary t : service.tasks(TaskFilter.all())) {
                StoredTask a = service.task(t.ref()).orElseThrow();
                StoredTask b = again.task(t.ref()).orElseThrow();
                assertThat(b.documents()).as(t.ref()).isEqualTo(a.documents());
                assertThat(b.files()).as(t.ref()).isEqualTo(a.files());
                assertThat(b.summary().instruction()).isEqualTo(a.summary().instruction());
            }
        }
    }

    @Test
    void osworldTasksImportWithTheirEvaluatorsAndExportUnchanged() throws IOException {
        ImportReport r = imports.importPaths(List.of(Corpus.osworld()), p -> { });
        assertThat(r.errors()).as(r.problems().toString()).isZero();
        assertThat(r.tasksStored()).isEqualTo(37);
        StoredTask t = service.task("01b269ae-2111-4a07-81fd-3fcd711993b0").orElseThrow();
        JsonNode original = JsonFiles.readObject(Files.readAllBytes(Corpus.path(
                "osworld/libreoffice_calc/01b269ae-2111-4a07-81fd-3fcd711993b0.json")), "x", new ArrayList<>());
        assertThat(t.documents().get(TaskSpec.OSWORLD_JSON)).isEqualTo(original);
        StoredEnvironment env = service.environment("osworld_libreoffice_calc@osworld").orElseThrow();
        TaskSpec spec = EnvironmentService.spec(t, EnvironmentService.spec(env, new ArrayList<>()), new ArrayList<>());
        assertThat(spec.checker()).isInstanceOf(Checker.OsworldEvaluator.class);
        Checker.OsworldEvaluator ev = (Checker.OsworldEvaluator) spec.checker();
        assertThat(ev.evaluator().path("func").asText()).isEqualTo("compare_table");
        assertThat(ev.evaluator().path("options").path("rules").get(0).path("type").asText()).isEqualTo("sheet_data");
        assertThat(ev.evaluator().path("postconfig")).hasSize(4);
        // Multi-function evaluators keep their conj.
        assertThat(service.tasks(TaskFilter.all().withSource("osworld"))).hasSize(37);

        Path out = dir.resolve("osworld-out");
        ExportReport exported = exports.exportOsworld("osworld_libreoffice_calc@osworld", out, OsworldFormat.ProbeCommands.BUILT_IN,
                true);
        assertThat(exported.skipped()).isEmpty();
        assertThat(Files.readAllBytes(exported.folder().resolve("01b269ae-2111-4a07-81fd-3fcd711993b0.json")))
                .isEqualTo(Files.readAllBytes(Corpus.path("osworld/libreoffice_calc/01b269ae-2111-4a07-81fd-3fcd711993b0.json")));
        assertThat(Files.readString(out.resolve("test_all.json"))).contains("01b269ae-2111-4a07-81fd-3fcd711993b0");
    }

    @Test
    void gymAnythingProgramCheckersAreSaidToBeInexpressibleInOsworld() {
        imports.importPaths(List.of(Corpus.env("gnu_octave_env")), p -> { });
        ExportReport r = exports.exportOsworld("gnu_octave_env@0.1", dir.resolve("o"), OsworldFormat.ProbeCommands.BUILT_IN, true);
        assertThat(r.tasksWritten()).isZero();
        assertThat(r.skipped()).hasSize(3).allSatisfy(s -> assertThat(s)
                .contains("cannot be written as OSWorld JSON because its checker is a Python program (verifier.py::verify_"));
    }

    @Test
    void onlyApprovedTasksExportAndDecisionsAreRecorded() {
        imports.importPaths(List.of(Corpus.env("gnu_octave_env")), p -> { });
        ExportReport none = exports.exportGymAnything("gnu_octave_env@0.1", dir.resolve("e1"));
        assertThat(none.tasksWritten()).isZero();
        assertThat(none.skipped()).hasSize(3).allMatch(x -> x.endsWith("not approved (draft)"));
        assertThat(dir.resolve("e1")).as("a refused export writes nothing, so it can be retried").doesNotExist();
        var refused = service.decide(List.of("gnu_octave_env@0.1/iris_scatter_plot"), true, "curator", null, false);
        assertThat(refused.get(0).note()).contains("its audit has not passed");
        service.decide(List.of("gnu_octave_env@0.1/iris_scatter_plot"), true, "curator", "checked by hand", true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.decide(List.of("gnu_octave_env@0.1"), false, "curator", "",
                false)).hasMessageContaining("needs a reason");
        service.decide(List.of("gnu_octave_env@0.1/auto_mpg_regression"), false, "curator", "data file missing", false);
        ExportReport one = exports.exportGymAnything("gnu_octave_env@0.1", dir.resolve("e2"));
        assertThat(one.tasksWritten()).isEqualTo(1);
        StoredTask rejected = service.task("gnu_octave_env@0.1/auto_mpg_regression").orElseThrow();
        assertThat(rejected.summary().status()).isEqualTo(TaskStatus.REJECTED);
        assertThat(rejected.history().get(rejected.history().size() - 1).reason()).isEqualTo("data file missing");
        assertThat(rejected.history().get(rejected.history().size() - 1).actor()).isEqualTo("curator");
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(root.relativize(p).toString(), org.envforge.store.BlobStore.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }
}
