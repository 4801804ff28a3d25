package org.envforge.views.environments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.json.JsonFiles;
import org.envforge.json.JsonLines;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.EnvironmentService;
import org.envforge.service.ImportProgress;
import org.envforge.service.ImportReport;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.Problem;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.views.code.Language;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.EventBridge;
import org.envforge.views.common.TaskRunner;

/** State and actions of the Environments view. Engine calls run off the FX thread. */
public final class EnvironmentsViewModel {

    /** "All" in the filter choices. */
    public static final String ANY = "All";
    private static final int MAX_TEXT_BYTES = 1 << 20;

    private final EnvironmentService service;
    private final EnvironmentImport imports;
    private final TaskRunner tasks;

    private final ObjectProperty<TaskStatus> status = new SimpleObjectProperty<>();
    private final StringProperty software = new SimpleStringProperty(ANY);
    private final StringProperty difficulty = new SimpleStringProperty(ANY);
    private final StringProperty source = new SimpleStringProperty(ANY);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> softwareOptions = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> difficultyOptions = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> sourceOptions = FXCollections.observableArrayList(ANY);

    private final ObservableList<EnvironmentSummary> environments = FXCollections.observableArrayList();
    private final ObservableList<TaskSummary> taskList = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper importText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>();
    private long refreshGeneration;

    /** @param imports imports the folders and files a person picks */
    public EnvironmentsViewModel(EnvironmentService service, EnvironmentImport imports, TaskRunner tasks) {
        this.service = service;
        this.imports = imports;
        this.tasks = tasks;
        status.addListener((o, a, b) -> refresh());
        software.addListener((o, a, b) -> refresh());
        difficulty.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> refresh());
        text.addListener((o, a, b) -> refresh());
    }

    private TaskFilter filter() {
        return TaskFilter.all().withStatus(status.get()).withSoftware(choice(software.get())).withDifficulty(choice(difficulty.get()))
                .withSource(choice(source.get())).withText(text.get());
    }

    private static String choice(String s) {
        return s == null || s.equals(ANY) ? null : s;
    }

    /** Reloads environments and the tasks that pass the filters. */
    public void refresh() {
        TaskFilter f = filter();
        long generation = ++refreshGeneration;
        tasks.run("list environments", () -> new Listing(service.environments(), service.tasks(f),
                f.equals(TaskFilter.all()) ? null : service.tasks(TaskFilter.all())), l -> {
                    if (generation != refreshGeneration) {
                        return; // a newer refresh is on its way
                    }
                    environments.setAll(l.envs());
                    taskList.setAll(l.tasks());
                    List<TaskSummary> all = l.all() == null ? l.tasks() : l.all();
                    updateOptions(l.envs(), all);
                    count.set(String.format(Locale.ROOT, "%,d of %,d tasks in %d environments", l.tasks().size(), all.size(),
                            l.envs().size()));
                }, e -> message.set("Could not list environments: " + Dialogs.message(e)));
    }

    private record Listing(List<EnvironmentSummary> envs, List<TaskSummary> tasks, List<TaskSummary> all) {
    }

    private void updateOptions(List<EnvironmentSummary> envs, List<TaskSummary> all) {
        TreeSet<String> sw = new TreeSet<>();
        TreeSet<String> src = new TreeSet<>();
        envs.forEach(e -> {
            if (e.software() != null) {
                sw.add(e.software());
            }
            src.add(e.source());
        });
        TreeSet<String> diff = new TreeSet<>();
        all.forEach(t -> {
            if (t.difficulty() != null) {
                diff.add(t.difficulty());
            }
        });
        replaceOptions(softwareOptions, sw);
        replaceOptions(sourceOptions, src);
        replaceOptions(difficultyOptions, diff);
    }

    private static void replaceOptions(ObservableList<String> list, TreeSet<String> values) {
        List<String> next = new ArrayList<>();
        next.add(ANY);
        next.addAll(values);
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }

    /** The tree: software -> environment -> tasks passing the filters; empty environments are left out when filtering. */
    public Map<TreeEntry.Software, Map<TreeEntry.Environment, List<TaskSummary>>> tree() {
        Map<String, List<TaskSummary>> byEnv = new LinkedHashMap<>();
        taskList.forEach(t -> byEnv.computeIfAbsent(t.envId(), k -> new ArrayList<>()).add(t));
        boolean filtering = !filter().equals(TaskFilter.all());
        Map<String, Map<TreeEntry.Environment, List<TaskSummary>>> bySoftware = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (EnvironmentSummary e : environments) {
            List<TaskSummary> ts = byEnv.getOrDefault(e.id(), List.of());
            if (filtering && ts.isEmpty()) {
                continue;
            }
            String sw = e.software() == null ? "(unknown software)" : e.software();
            bySoftware.computeIfAbsent(sw, k -> new LinkedHashMap<>()).put(new TreeEntry.Environment(e, ts.size()), ts);
        }
        Map<TreeEntry.Software, Map<TreeEntry.Environment, List<TaskSummary>>> out = new LinkedHashMap<>();
        bySoftware.forEach((sw, envs) -> out.put(new TreeEntry.Software(sw,
                envs.values().stream().mapToInt(List::size).sum()), envs));
        return out;
    }

    // Detail -------------------------------------------------------------------------------------

    public void showEnvironment(String id) {
        tasks.run("load environment", () -> loadEnvironment(id), detail::set,
                e -> message.set("Could not load " + id + ": " + Dialogs.message(e)));
    }

    /** Shows a task by reference (ENV_ID/TASK or a unique task id). */
    public void openTask(String ref) {
        tasks.run("find task", () -> service.task(ref).map(t -> t.summary().key()).orElseThrow(
                () -> new IllegalArgumentException("no task " + ref)), this::showTask,
                e -> message.set(Dialogs.message(e)));
    }

    public void showTask(long key) {
        tasks.run("load task", () -> loadTask(key), detail::set,
                e -> message.set("Could not load the task: " + Dialogs.message(e)));
    }

    private Detail loadEnvironment(String id) {
        StoredEnvironment env = service.environment(id).orElseThrow(() -> new IllegalArgumentException("no environment " + id));
        EnvironmentSpec spec = EnvironmentService.spec(env, new ArrayList<>());
        List<DocumentView> docs = new ArrayList<>();
        docs.add(document("env.json", env.document(), file(env.files(), "env.json"), env.problems(), "env.json"));
        for (SpecFile f : env.files()) {
            if (!f.path().equals("env.json")) {
                docs.add(plain(f, env.problems(), f.path()));
            }
        }
        return new Detail.Environment(env, spec, docs, env.problems());
    }

    private Detail loadTask(long key) {
        StoredTask t = service.task(key).orElseThrow(() -> new IllegalArgumentException("no task " + key));
        StoredEnvironment env = service.environment(t.summary().envId()).orElseThrow();
        EnvironmentSpec envSpec = EnvironmentService.spec(env, new ArrayList<>());
        TaskSpec spec = EnvironmentService.spec(t, envSpec, new ArrayList<>());
        String prefix = "tasks/" + t.summary().name() + "/";
        List<DocumentView> docs = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(TaskSpec.TASK_JSON, TaskSpec.OSWORLD_JSON, TaskSpec.CHECKLIST_JSON,
                TaskSpec.PI_JSON, TaskSpec.ORACLE_JSON));
        t.documents().keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
        for (String name : names) {
            ObjectNode d = t.documents().get(name);
            if (d != null) {
                docs.add(document(name, d, file(t.files(), name), t.problems(), prefix + name));
            }
        }
        for (SpecFile f : t.files()) {
            if (!t.documents().containsKey(f.path())) {
                docs.add(plain(f, t.problems(), prefix + f.path()));
            }
        }
        return new Detail.Task(t, spec, envSpec, docs, t.problems());
    }

    private static Optional<SpecFile> file(List<SpecFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** A JSON document: the original text when unchanged since import, else pretty JSON. */
    private DocumentView document(String name, ObjectNode doc, Optional<SpecFile> original, List<Problem> problems,
            String problemPath) {
        String text = original.flatMap(f -> service.fileText(f, MAX_TEXT_BYTES))
                .filter(s -> doc.equals(JsonFiles.readObject(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), name,
                        new ArrayList<>())))
                .orElseGet(() -> JsonFiles.pretty(doc));
        JsonLines lines = JsonLines.of(text);
        Map<Integer, List<String>> byLine = new TreeMap<>();
        Map<Integer, Boolean> errors = new TreeMap<>();
        for (Problem p : problems) {
            if (!matches(p.file(), problemPath)) {
                continue;
            }
            int line = p.line() > 0 ? p.line() : lines.lineOf(p.pointer());
            byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(p.severity().name().toLowerCase(Locale.ROOT) + ": "
                    + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
            errors.merge(line, p.isError(), Boolean::logicalOr);
        }
        return new DocumentView(name, text, Language.JSON, byLine, errors);
    }

    private DocumentView plain(SpecFile f, List<Problem> problems, String problemPath) {
        String text = service.fileText(f, MAX_TEXT_BYTES)
                .orElse("(binary or larger than 1 MB: " + f.size() + " bytes, sha256 " + f.sha256() + ")");
        Map<Integer, List<String>> byLine = new TreeMap<>();
        Map<Integer, Boolean> errors = new TreeMap<>();
        for (Problem p : problems) {
            if (matches(p.file(), problemPath)) {
                int line = Math.max(1, p.line());
                byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(p.message());
                errors.merge(line, p.isError(), Boolean::logicalOr);
            }
        }
        return new DocumentView(f.path(), text, Language.of(f.path()), byLine, errors);
    }

    private static boolean matches(String problemFile, String path) {
        return problemFile.equals(path) || problemFile.endsWith("/" + path);
    }

    /** The document a problem is about, if it is shown. */
    public static Optional<DocumentView> documentFor(Detail d, Problem p) {
        String prefix = d instanceof Detail.Task t ? "tasks/" + t.stored().summary().name() + "/" : "";
        return d.documents().stream().filter(doc -> matches(p.file(), prefix + doc.name())).findFirst();
    }

    /** The 1-based line a problem points at in its document. */
    public static int lineOf(DocumentView doc, Problem p) {
        if (p.line() > 0) {
            return p.line();
        }
        return doc.language() == Language.JSON ? JsonLines.of(doc.text()).lineOf(p.pointer()) : 1;
    }

    // Import -------------------------------------------------------------------------------------

    /** Imports in the background; progress and the report arrive on the FX thread. */
    public void importPaths(List<Path> paths) {
        if (importing.get() || paths.isEmpty()) {
            return;
        }
        importing.set(true);
        importProgress.set(-1);
        importText.set("Importing " + paths.size() + " path" + (paths.size() == 1 ? "" : "s") + "\u2026");
        EventBridge<ImportProgress> bridge = new EventBridge<>(tasks, p -> "import", p -> {
            importProgress.set(p.fraction());
            importText.set(String.format(Locale.ROOT, "Importing %d/%d: %s", p.done(), p.total(), p.current()));
        });
        tasks.run("import", () -> imports.importPaths(paths, bridge), r -> {
            importing.set(false);
            importProgress.set(1);
            importText.set(summary(r));
            lastReport.set(r);
            refresh();
        }, e -> {
            importing.set(false);
            importText.set("Import failed: " + Dialogs.message(e));
        });
    }

    public static String summary(ImportReport r) {
        return String.format(Locale.ROOT, "Imported %d environment%s and %,d task%s%s; %,d warning%s, %,d error%s.",
                r.environments(), r.environments() == 1 ? "" : "s", r.tasksStored(), r.tasksStored() == 1 ? "" : "s",
                r.tasksFailed() > 0 ? " (" + r.tasksFailed() + " skipped with errors)" : "", r.warnings(),
                r.warnings() == 1 ? "" : "s", r.errors(), r.errors() == 1 ? "" : "s");
    }

    /** A short text for a JSON value in tables. */
    public static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    // Properties ---------------------------------------------------------------------------------

    public ObjectProperty<TaskStatus> statusProperty() {
        return status;
    }

    public StringProperty softwareProperty() {
        return software;
    }

    public StringProperty difficultyProperty() {
        return difficulty;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<String> softwareOptions() {
        return softwareOptions;
    }

    public ObservableList<String> difficultyOptions() {
        return difficultyOptions;
    }

    public ObservableList<String> sourceOptions() {
        return sourceOptions;
    }

    public ObservableList<EnvironmentSummary> environments() {
        return environments;
    }

    public ObservableList<TaskSummary> tasks() {
        return taskList;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importTextProperty() {
        return importText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }
}
