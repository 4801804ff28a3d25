package org.envforge.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.envforge.json.JsonFiles;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.ImportedFile;
import org.envforge.spec.Problem;
import org.envforge.spec.Provenance;
import org.envforge.spec.SafeFolder;
import org.envforge.spec.SafeNames;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.spec.gymanything.GymAnythingFormat;
import org.envforge.spec.gymanything.GymAnythingReader;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.BlobStore;
import org.envforge.store.Environments;
import org.envforge.store.ImportRuns;
import org.envforge.store.Store;

/**
 * Environments and tasks as the GUI and the CLI use them: import (Gym-Anything folders and OSWorld
 * task JSON), validate, list, show, export, and status changes.
 */
public final class EnvironmentService {

    public static final int REPORT_PROBLEMS_MAX = 500;
    public static final String IMPORT_ACTOR = "import";

    private final Supplier<Store> store;
    private final long maxFileBytes;

    public EnvironmentService(Supplier<Store> store) {
        this(store, SafeFolder.MAX_FILE_BYTES);
    }

    public EnvironmentService(Supplier<Store> store, long maxFileBytes) {
        this.store = store;
        this.maxFileBytes = maxFileBytes;
    }

    private Environments envs() {
        return new Environments(store.get());
    }

    // Import and validate ------------------------------------------------------------------------

    /** One thing to import, found under a given path. */
    sealed interface Unit permits GymUnit, OsworldUnit {
    }

    record GymUnit(Path folder) implements Unit {
    }

    record OsworldUnit(Path file) implements Unit {
    }

    /**
     * Imports the paths (environment folders, folders of them, OSWorld task files or folders of
     * them). Each task is stored in its own transaction as soon as it is read; a task with errors is
     * skipped and reported, and whatever the store held for it before stays as it was.
     */
    public ImportReport importPaths(List<Path> paths, Consumer<ImportProgress> progress) {
        return run(paths, progress, true);
    }

    /** Reads and checks the paths like an import, but stores nothing. */
    public ImportReport validate(List<Path> paths, Consumer<ImportProgress> progress) {
        return run(paths, progress, false);
    }

    private ImportReport run(List<Path> paths, Consumer<ImportProgress> progress, boolean store) {
        long t0 = System.nanoTime();
        Counter n = new Counter();
        List<Problem> shown = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (Path p : paths) {
            units.addAll(units(p, n));
        }
        n.total = units.stream().mapToInt(EnvironmentService::taskCount).sum();
        ImportRuns runs = store ? new ImportRuns(this.store.get()) : null;
        long run = store ? runs.start(String.join("\n", paths.stream().map(Path::toString).toList())) : 0;
        Consumer<List<Problem>> report = list -> {
            for (Problem p : list) {
                if (p.isError()) {
                    n.errors++;
                } else {
                    n.warnings++;
                }
                n.problemCount++;
                if (shown.size() < REPORT_PROBLEMS_MAX) {
                    shown.add(p);
                }
            }
            if (store) {
                runs.addProblems(run, list);
            }
        };
        report.accept(n.pathProblems);
        Map<String, Long> osworldEnvs = new TreeMap<>();
        for (Unit u : units) {
            if (u instanceof GymUnit g) {
                importGym(g.folder(), store, n, report, progress);
            } else if (u instanceof OsworldUnit o) {
                importOsworld(o.file(), store, osworldEnvs, n, report, progress);
            }
        }
        if (store) {
            runs.finish(run, n.environments, n.stored, n.warnings, n.errors);
        }
        return new ImportReport(run, n.environments, n.stored, n.failed, n.warnings, n.errors, shown, n.problemCount,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static final class Counter {
        int total;
        int done;
        int environments;
        int stored;
        int failed;
        int warnings;
        int errors;
        int problemCount;
        final List<Problem> pathProblems = new ArrayList<>();

        ImportProgress progress(String current) {
            return new ImportProgress(done, total, current, environments, stored, failed, warnings, errors);
        }
    }

    private List<Unit> units(Path p, Counter n) {
        List<Unit> out = new ArrayList<>();
        String shown = p.toString();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            n.pathProblems.add(Problem.error(shown, "", "no such file or folder"));
            return out;
        }
        if (Files.isRegularFile(p)) {
            if (p.toString().endsWith(".json")) {
                out.add(new OsworldUnit(p));
            } else {
                n.pathProblems.add(Problem.error(shown, "", "not a folder nor a .json task file"));
            }
            return out;
        }
        if (!Files.isDirectory(p)) {
            n.pathProblems.add(Problem.error(shown, "", Files.exists(p) ? "not a regular file nor a folder (device, pipe or socket); "
                    + "refused" : "a broken link"));
            return out;
        }
        if (GymAnythingReader.isEnvironmentFolder(p)) {
            out.add(new GymUnit(p));
            return out;
        }
        List<Path> children = children(p);
        Path envs = p.resolve("environments");
        if (Files.isDirectory(envs)) {
            children = children(envs);
        }
        for (Path c : children) {
            if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS) && GymAnythingReader.isEnvironmentFolder(c)) {
                out.add(new GymUnit(c));
            }
        }
        if (out.isEmpty()) {
            // OSWorld layout: task JSON files, possibly one folder per domain.
            try (Stream<Path> walk = Files.walk(p, 3)) {
                walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && f.toString().endsWith(".json"))
                        .sorted().forEach(f -> {
                            if (isOsworldTask(f)) {
                                out.add(new OsworldUnit(f));
                            }
                        });
            } catch (IOException e) {
                n.pathProblems.add(Problem.error(shown, "", "cannot list: " + e.getMessage()));
            }
        }
        if (out.isEmpty()) {
            n.pathProblems.add(Problem.error(shown, "", "nothing to import: no env.json (Gym-Anything) and no OSWorld task JSON"));
        }
        return out;
    }

    private static boolean isOsworldTask(Path f) {
        try {
            if (Files.size(f) > SafeFolder.MAX_FILE_BYTES) {
                return true; // refused with a clear problem when imported
            }
            String head;
            try (InputStream in = Files.newInputStream(f)) {
                head = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            }
            return head.contains("\"instruction\"") && head.contains("\"evaluator\"") || !head.stripLeading().startsWith("{");
        } catch (IOException e) {
            return true;
        }
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Path::compareTo);
        return out;
    }

    private static int taskCount(Unit u) {
        if (u instanceof GymUnit g) {
            Path tasks = g.folder().resolve("tasks");
            if (!Files.isDirectory(tasks)) {
                return 0;
            }
            try (Stream<Path> s = Files.list(tasks)) {
                return (int) s.filter(Files::isDirectory).count();
            } catch (IOException e) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * Reads one environment folder. Nothing is written before it is checked: the environment is
     * stored with its first good task (or alone when it has no task folder), so a re-import whose
     * environment or tasks all fail leaves what the store held.
     */
    private void importGym(Path folder, boolean store, Counter n, Consumer<List<Problem>> report,
            Consumer<ImportProgress> progress) {
        String envName = folder.toAbsolutePath().normalize().getFileName().toString();
        PendingEnvironment pending = new PendingEnvironment(store);
        new GymAnythingReader(maxFileBytes).read(folder, licence(folder), new GymAnythingReader.Listener() {
            @Override
            public boolean environment(EnvironmentSpec env, List<ImportedFile> files, List<Problem> problems) {
                List<Problem> all = new ArrayList<>(problems);
                List<SpecFile> stored = env == null || all.stream().anyMatch(Problem::isError) || !store ? List.of()
                        : storeFiles(files, "", all);
                report.accept(prefix(envName + "/", all));
                if (env == null || all.stream().anyMatch(Problem::isError)) {
                    n.done += taskCount(new GymUnit(folder));
                    progress.accept(n.progress(envName + " (skipped: environment errors)"));
                    return false;
                }
                pending.env = env;
                pending.files = stored;
                pending.problems = problems;
                progress.accept(n.progress(envName));
                return true;
            }

            @Override
            public void task(String name, TaskSpec task, List<ImportedFile> files, List<Problem> problems) {
                n.done++;
                pending.tasksSeen++;
                List<Problem> all = new ArrayList<>(problems);
                List<SpecFile> stored = task == null || all.stream().anyMatch(Problem::isError) || !store ? List.of()
                        : storeFiles(files, "tasks/" + name + "/", all);
                report.accept(prefix(envName + "/", all));
                if (task == null || all.stream().anyMatch(Problem::isError)) {
                    n.failed++;
                } else {
                    long envKey = pending.key(n);
                    if (store) {
                        envs().upsertTask(envKey, task, stored, problems, IMPORT_ACTOR,
                                "imported from " + folder.resolve("tasks").resolve(name).toAbsolutePath().normalize());
                    }
                    n.stored++;
                }
                progress.accept(n.progress(envName + "/tasks/" + name));
            }
        });
        if (pending.env != null && pending.envKey == null) {
            if (pending.tasksSeen == 0) {
                pending.key(n);
            } else {
                report.accept(List.of(Problem.warning(envName + "/" + GymAnythingFormat.ENV_JSON, "", (store
                        ? "the environment was not stored" : "the environment would not be stored") + ": none of its "
                        + pending.tasksSeen + " tasks could be imported; the store keeps what it held")));
            }
        }
    }

    /** An environment read and checked, written once something shows it is worth writing. */
    private final class PendingEnvironment {
        private final boolean store;
        EnvironmentSpec env;
        List<SpecFile> files;
        List<Problem> problems;
        Long envKey;
        int tasksSeen;

        PendingEnvironment(boolean store) {
            this.store = store;
        }

        /** The environment's row key, storing it the first time (0 when validating). */
        long key(Counter n) {
            if (envKey == null) {
                envKey = store ? envs().upsertEnvironment(env, files, problems) : 0L;
                n.environments++;
            }
            return envKey;
        }
    }

    private void importOsworld(Path file, boolean store, Map<String, Long> envKeys, Counter n,
            Consumer<List<Problem>> report, Consumer<ImportProgress> progress) {
        n.done++;
        String shown = file.getParent() == null ? file.getFileName().toString()
                : file.getParent().getFileName() + "/" + file.getFileName();
        List<Problem> problems = new ArrayList<>();
        ObjectNode doc = null;
        byte[] bytes = null;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                problems.add(Problem.error(shown, "", "unsafe: a link; refused"));
            } else if (!attrs.isRegularFile()) {
                problems.add(Problem.error(shown, "", "not a regular file (device, pipe or socket); refused"));
            } else if (attrs.size() > maxFileBytes) {
                problems.add(Problem.error(shown, "", String.format(Locale.ROOT,
                        "too large (%.1f MB; the limit is %d MB); refused", attrs.size() / 1048576.0, maxFileBytes / 1048576)));
            } else {
                bytes = Files.readAllBytes(file);
                doc = JsonFiles.readObject(bytes, shown, problems);
            }
        } catch (IOException e) {
            problems.add(Problem.error(shown, "", "cannot read: " + e.getMessage()));
        }
        TaskSpec task = null;
        String snapshot = null;
        if (doc != null) {
            if (!OsworldFormat.looksLikeTask(doc)) {
                problems.add(Problem.error(shown, "", "not an OSWorld task (it has no instruction and evaluator)"));
            } else {
                snapshot = doc.path("snapshot").asText(file.getParent() == null ? "osworld" : file.getParent().getFileName().toString());
                String related = doc.path("related_apps").path(0).asText(null);
                EnvironmentSpec env = OsworldFormat.environmentFor(snapshot, related, file.getParent() == null ? ""
                        : file.getParent().toAbsolutePath().normalize().toString());
                task = OsworldFormat.parseTask(doc, shown, env.id(), problems);
                if (problems.stream().noneMatch(Problem::isError) && !envKeys.containsKey(env.id())) {
                    envKeys.put(env.id(), store ? envs().upsertEnvironment(env, List.of(), List.of()) : 0L);
                    n.environments++;
                }
                if (store && problems.stream().noneMatch(Problem::isError)) {
                    SpecFile stored = new SpecFile(TaskSpec.OSWORLD_JSON, this.store.get().blobs().put(bytes), bytes.length);
                    envs().upsertTask(envKeys.get(env.id()), task, List.of(stored), problems, IMPORT_ACTOR,
                            "imported from " + file.toAbsolutePath().normalize());
                }
            }
        }
        report.accept(problems);
        if (task == null || problems.stream().anyMatch(Problem::isError)) {
            n.failed++;
        } else {
            n.stored++;
        }
        progress.accept(n.progress(shown));
    }

    /** Puts the files into the blob store; a file that cannot be read is an error naming it (prefix + path). */
    private List<SpecFile> storeFiles(List<ImportedFile> files, String prefix, List<Problem> problems) {
        BlobStore blobs = store.get().blobs();
        List<SpecFile> out = new ArrayList<>(files.size());
        for (ImportedFile f : files) {
            try (InputStream in = Files.newInputStream(f.source())) {
                out.add(new SpecFile(f.path(), blobs.put(in), f.size()));
            } catch (IOException | UncheckedIOException e) {
                problems.add(Problem.error(prefix + f.path(), "", "cannot read: " + e.getMessage()));
            }
        }
        return out;
    }

    private static List<Problem> prefix(String prefix, List<Problem> problems) {
        return problems.stream().map(p -> new Problem(p.severity(), prefix + p.file(), p.pointer(), p.line(), p.message())).toList();
    }

    /** The first line of a LICENSE file in the folder or up to three folders above it (a plain file, never a link). */
    static String licence(Path folder) {
        Path p = folder.toAbsolutePath().normalize();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            for (String name : List.of("LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING")) {
                Path f = p.resolve(name);
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<String> lines = Files.lines(f)) {
                        return lines.map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(null);
                    } catch (IOException | UncheckedIOException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    // Reads --------------------------------------------------------------------------------------

    public List<EnvironmentSummary> environments() {
        return envs().environments();
    }

    public List<TaskSummary> tasks(TaskFilter filter) {
        return envs().tasks(filter);
    }

    public Optional<StoredEnvironment> environment(String id) {
        return envs().environment(id);
    }

    public Optional<StoredTask> task(String ref) {
        return envs().findTask(ref).flatMap(k -> envs().task(k));
    }

    public Optional<StoredTask> task(long key) {
        return envs().task(key);
    }

    /** Re-reads a stored environment's spec (and its problems) from its document. */
    public static EnvironmentSpec spec(StoredEnvironment env, List<Problem> problems) {
        EnvironmentSpec parsed = GymAnythingFormat.parseEnvironment(env.summary().name(), env.document(), env.provenance(),
                problems);
        return new EnvironmentSpec(parsed.id(), parsed.name(), parsed.version(), parsed.description(), env.summary().software(),
                env.summary().plugin(), parsed.base(), parsed.osType(), parsed.resources(), parsed.hooks(), parsed.observation(),
                parsed.action(), parsed.tags(), env.provenance(), env.document());
    }

    /** Re-reads a stored task's spec from its documents; problems are re-found on the way. */
    public static TaskSpec spec(StoredTask task, EnvironmentSpec env, List<Problem> problems) {
        Map<String, ObjectNode> d = task.documents();
        if (d.containsKey(TaskSpec.OSWORLD_JSON)) {
            return OsworldFormat.parseTask(d.get(TaskSpec.OSWORLD_JSON), TaskSpec.OSWORLD_JSON, task.summary().envId(), problems);
        }
        String prefix = "tasks/" + task.summary().name() + "/";
        return GymAnythingFormat.parseTask(task.summary().name(), prefix, env, d.get(TaskSpec.TASK_JSON),
                d.get(TaskSpec.CHECKLIST_JSON), d.get(TaskSpec.PI_JSON), d.get(TaskSpec.ORACLE_JSON), problems);
    }

    /** The text of a stored file, or empty when it is binary or larger than {@code maxBytes}. */
    public Optional<String> fileText(SpecFile file, int maxBytes) {
        if (file.size() > maxBytes) {
            return Optional.empty();
        }
        return store.get().blobs().get(file.sha256()).flatMap(bytes -> {
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    // Status -------------------------------------------------------------------------------------

    public void setStatus(String taskRef, TaskStatus status, String actor, String reason) {
        long key = envs().findTask(taskRef).orElseThrow(() -> new IllegalArgumentException("no task " + taskRef));
        envs().setStatus(key, status, actor, reason);
    }

    /** The outcome of a curator's decision on one task. */
    public record Decision(String task, TaskStatus from, TaskStatus to, String note) {
    }

    /**
     * Approves or rejects tasks, named one by one (ENV_ID/TASK) or by environment id (all its
     * tasks). Approval needs a passed audit unless {@code override}; rejection needs a reason.
     */
    public List<Decision> decide(List<String> ids, boolean approve, String actor, String reason, boolean override) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason (--reason)");
        }
        List<Long> keys = new ArrayList<>();
        for (String id : ids) {
            Optional<StoredEnvironment> env = envs().environment(id);
            if (env.isPresent()) {
                keys.addAll(envs().taskKeys(id));
            } else {
                keys.add(envs().findTask(id).orElseThrow(() -> new IllegalArgumentException("no environment or task \"" + id + "\"")));
            }
        }
        List<Decision> out = new ArrayList<>();
        for (long k : keys) {
            StoredTask t = envs().task(k).orElseThrow();
            TaskStatus from = t.summary().status();
            if (approve && from != TaskStatus.AUDIT_PASSED && from != TaskStatus.APPROVED && !override) {
                out.add(new Decision(t.summary().ref(), from, from, "not approved: its audit has not passed (" + from.label()
                        + "); --override approves it anyway"));
                continue;
            }
            TaskStatus to = approve ? TaskStatus.APPROVED : TaskStatus.REJECTED;
            envs().setStatus(k, to, actor, reason == null || reason.isBlank() ? (approve ? "approved" : null) : reason);
            out.add(new Decision(t.summary().ref(), from, to, approve ? "approved" : "rejected: " + reason));
        }
        return out;
    }

    // Export -------------------------------------------------------------------------------------

    /** Writes an environment's approved tasks in the Gym-Anything layout under {@code out}/NAME. */
    public ExportReport exportGymAnything(String envId, Path out) {
        return exportGymAnything(envId, out, false);
    }

    /**
     * Writes an environment in the Gym-Anything layout under {@code out}/NAME: its approved tasks,
     * or all of them when asked (for round trips of imported specs).
     */
    public ExportReport exportGymAnything(String envId, Path out, boolean includeUnapproved) {
        StoredEnvironment env = envs().environment(envId).orElseThrow(() -> new IllegalArgumentException("no environment " + envId));
        Path dir = SafeNames.inside(out, env.summary().name(), "the environment name");
        whyOutside(env.files(), List.of(GymAnythingFormat.ENV_JSON)).ifPresent(why -> {
            throw new IllegalArgumentException("refusing to export " + envId + ": " + why);
        });
        ExportFolders.requireEmpty(dir);
        BlobStore blobs = store.get().blobs();
        List<StoredTask> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (long key : envs().taskKeys(envId)) {
            StoredTask t = envs().task(key).orElseThrow();
            Optional<String> outside = SafeNames.whyOutside("its name", t.summary().name())
                    .or(() -> whyOutside(t.files(), t.documents().keySet()));
            if (!includeUnapproved && t.summary().status() != TaskStatus.APPROVED) {
                skipped.add(t.summary().ref() + ": not approved (" + t.summary().status().label() + ")");
            } else if (outside.isPresent()) {
                skipped.add(t.summary().ref() + ": not written: " + outside.get());
            } else {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty() && !skipped.isEmpty()) {
            return new ExportReport(dir, 0, skipped); // nothing written, so a retry after approving finds the folder as it was
        }
        EnvironmentSpec envSpec = spec(env, new ArrayList<>());
        String owner = env.summary().id();
        int written = ExportFolders.writeWhole(dir, staging -> {
            writeFiles(staging, "", owner, env.files(), Map.of(GymAnythingFormat.ENV_JSON, env.document()), blobs);
            for (StoredTask t : chosen) {
                Map<String, ObjectNode> docs = new LinkedHashMap<>(t.documents());
                if (!docs.containsKey(TaskSpec.TASK_JSON)) {
                    // An OSWorld task: its evaluator goes into task.json; the original document stays beside it.
                    docs.put(TaskSpec.TASK_JSON, GymAnythingFormat.taskJson(spec(t, envSpec, new ArrayList<>())));
                }
                String prefix = "tasks/" + t.summary().name() + "/";
                writeFiles(staging.resolve(prefix), prefix, owner, t.files(), docs, blobs);
            }
            return chosen.size();
        });
        return new ExportReport(dir, written, skipped);
    }

    /**
     * Writes an environment's tasks as OSWorld JSON under {@code out}/examples/SNAPSHOT/ID.json with
     * an index test_all.json; tasks whose checker OSWorld cannot express are listed with the reason.
     */
    public ExportReport exportOsworld(String envId, Path out, OsworldFormat.ProbeCommands commands) {
        return exportOsworld(envId, out, commands, false);
    }

    /** Writes an environment's approved tasks (or all, when asked) as OSWorld JSON. */
    public ExportReport exportOsworld(String envId, Path out, OsworldFormat.ProbeCommands commands, boolean includeUnapproved) {
        StoredEnvironment env = envs().environment(envId).orElseThrow(() -> new IllegalArgumentException("no environment " + envId));
        EnvironmentSpec envSpec = spec(env, new ArrayList<>());
        String snapshot = OsworldFormat.snapshot(envSpec.base()).orElse(env.summary().name().replaceAll("_env$", ""));
        Path dir = SafeNames.inside(out.resolve("examples"), snapshot, "the snapshot");
        ExportFolders.requireEmpty(dir);
        BlobStore blobs = store.get().blobs();
        List<String> skipped = new ArrayList<>();
        List<OsworldFile> files = new ArrayList<>();
        for (long key : envs().taskKeys(envId)) {
            StoredTask t = envs().task(key).orElseThrow();
            if (!includeUnapproved && t.summary().status() != TaskStatus.APPROVED) {
                skipped.add(t.summary().ref() + ": not approved (" + t.summary().status().label() + ")");
                continue;
            }
            TaskSpec spec = spec(t, envSpec, new ArrayList<>());
            Optional<String> why = OsworldFormat.whyNotExportable(spec, commands);
            if (why.isPresent()) {
                skipped.add(t.summary().ref() + ": cannot be written as OSWorld JSON because " + why.get());
                continue;
            }
            ObjectNode json = OsworldFormat.toJson(spec, snapshot, spec.setup(), commands);
            Optional<SpecFile> original = t.files().stream().filter(f -> f.path().equals(TaskSpec.OSWORLD_JSON)).findFirst();
            files.add(new OsworldFile(spec.id(), safeName(spec.id()) + ".json", json, original, t.summary().ref()));
        }
        if (files.isEmpty() && !skipped.isEmpty()) {
            return new ExportReport(dir, 0, skipped); // nothing written, so a retry finds the folder as it was
        }
        ExportFolders.writeWhole(dir, staging -> {
            for (OsworldFile f : files) {
                writeDoc(SafeNames.inside(staging, f.name(), "the task id"), f.json(), f.original(), blobs, f.task() + " file " + TaskSpec.OSWORLD_JSON);
            }
            return files.size();
        });
        try {
            ObjectNode index = JsonFiles.MAPPER.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode listed = index.putArray(snapshot);
            files.forEach(f -> listed.add(f.id()));
            Files.writeString(out.resolve("test_all.json"), JsonFiles.pretty(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportReport(dir, files.size(), skipped);
    }

    /** A task's OSWorld JSON as an export writes it, with the original file when it was imported. */
    private record OsworldFile(String id, String name, ObjectNode json, Optional<SpecFile> original, String task) {
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9@._-]", "_");
    }


    /**
     * Writes files from blobs, each checked against its hash; JSON documents that were edited
     * since import are written from the document. A missing or damaged blob fails the export,
     * naming the blob and the file ({@code prefix} + path of {@code owner}) it stands for.
     */
    private static void writeFiles(Path dir, String prefix, String owner, List<SpecFile> files, Map<String, ObjectNode> docs,
            BlobStore blobs) throws IOException {
        Files.createDirectories(dir);
        for (SpecFile f : files) {
            if (docs.containsKey(f.path())) {
                continue;
            }
            Path target = SafeNames.inside(dir, f.path(), "the file");
            Files.createDirectories(target.getParent());
            blobs.copyTo(f.sha256(), target, prefix + f.path() + " of " + owner);
        }
        for (Map.Entry<String, ObjectNode> d : docs.entrySet()) {
            Optional<SpecFile> original = files.stream().filter(f -> f.path().equals(d.getKey())).findFirst();
            writeDoc(SafeNames.inside(dir, d.getKey(), "the document"), d.getValue(), original, blobs, prefix + d.getKey() + " of " + owner);
        }
    }

    /** Why a stored file path or document name would be written outside the export folder, or empty. */
    private static Optional<String> whyOutside(List<SpecFile> files, java.util.Collection<String> documents) {
        return Stream.concat(files.stream().map(f -> SafeNames.whyOutside("its file", f.path())),
                documents.stream().map(d -> SafeNames.whyOutside("its document", d))).flatMap(Optional::stream).findFirst();
    }

    /** The original bytes (checked against their hash) when the document is unchanged since import, else pretty JSON. */
    private static void writeDoc(Path target, ObjectNode doc, Optional<SpecFile> original, BlobStore blobs, String what)
            throws IOException {
        Files.createDirectories(target.getParent());
        if (original.isPresent()) {
            byte[] bytes = blobs.read(original.get().sha256(), what);
            JsonNode parsed = JsonFiles.readObject(bytes, target.toString(), new ArrayList<>());
            if (doc.equals(parsed)) {
                Files.write(target, bytes);
                return;
            }
        }
        Files.writeString(target, JsonFiles.pretty(doc));
    }
}
