package org.envforge.service;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.envforge.json.JsonFiles;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.ImportedFile;
import org.envforge.spec.Problem;
import org.envforge.spec.SafeFolder;
import org.envforge.spec.SpecFile;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.gymanything.GymAnythingFormat;
import org.envforge.spec.gymanything.GymAnythingReader;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.BlobStore;
import org.envforge.store.Environments;
import org.envforge.store.ImportRuns;
import org.envforge.store.Store;

/**
 * Imports environments and tasks into the store: Gym-Anything environment folders and OSWorld task
 * JSON, or folders of them; {@link #validate} reads and checks them the same way but stores nothing.
 */
public final class EnvironmentImport {

    public static final int REPORT_PROBLEMS_MAX = 500;
    /** The actor the status history names for an import. */
    public static final String IMPORT_ACTOR = "import";

    private final Supplier<Store> store;
    private final long maxFileBytes;

    public EnvironmentImport(Supplier<Store> store) {
        this(store, SafeFolder.MAX_FILE_BYTES);
    }

    /** @param maxFileBytes the largest file read (a larger one is refused with an error) */
    public EnvironmentImport(Supplier<Store> store, long maxFileBytes) {
        this.store = store;
        this.maxFileBytes = maxFileBytes;
    }

    private Environments envs() {
        return new Environments(store.get());
    }

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
        n.total = units.stream().mapToInt(EnvironmentImport::taskCount).sum();
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
}
