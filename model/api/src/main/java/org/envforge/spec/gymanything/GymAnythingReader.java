package org.envforge.spec.gymanything;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envforge.json.JsonFiles;
import org.envforge.spec.Checker;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.ImportedFile;
import org.envforge.spec.Problem;
import org.envforge.spec.Provenance;
import org.envforge.spec.SafeFolder;
import org.envforge.spec.SafeNames;
import org.envforge.spec.TaskSpec;

/**
 * Reads a Gym-Anything environment folder one task at a time (memory stays flat however many
 * tasks there are), handing each parsed environment and task to a listener with its files and
 * problems. A task with errors is reported and skipped; it never aborts the folder.
 */
public final class GymAnythingReader {

    /** What the reader found, in order: the environment, then each task. */
    public interface Listener {
        /** Called once; returning false skips the tasks (the environment could not be stored). */
        boolean environment(EnvironmentSpec env, List<ImportedFile> files, List<Problem> problems);

        /** Called per task folder; {@code task} is null when the task could not be parsed. */
        void task(String name, TaskSpec task, List<ImportedFile> files, List<Problem> problems);
    }

    private final long maxFileBytes;

    public GymAnythingReader() {
        this(SafeFolder.MAX_FILE_BYTES);
    }

    public GymAnythingReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** True for a folder holding an env.json (of any kind: one that is not a file is reported when read). */
    public static boolean isEnvironmentFolder(Path dir) {
        return Files.exists(dir.resolve(GymAnythingFormat.ENV_JSON), LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads one environment folder. */
    public void read(Path folder, String licence, Listener listener) {
        String envName = folder.toAbsolutePath().normalize().getFileName().toString();
        SafeFolder safe = new SafeFolder(folder, maxFileBytes);
        List<Problem> envProblems = new ArrayList<>();
        List<SafeFolder.Entry> envEntries = safe.list("", List.of("tasks"), "", envProblems);
        SafeNames.check(envName, "", "", envProblems);
        boolean looseTaskFiles = false;
        // Files directly under tasks/ (such as seed_tasks.json) belong to the environment.
        Path tasksDir = folder.resolve("tasks");
        List<String> taskNames = new ArrayList<>();
        if (Files.isRegularFile(tasksDir, LinkOption.NOFOLLOW_LINKS)) {
            envProblems.add(Problem.error("tasks", "", "a file, not a folder: tasks go in tasks/NAME/task.json"));
        } else if (Files.isDirectory(tasksDir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasksDir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        taskNames.add(n);
                    } else {
                        looseTaskFiles = true;
                    }
                }
            } catch (IOException e) {
                envProblems.add(Problem.error("tasks", "", "cannot list: " + e.getMessage()));
            }
            if (looseTaskFiles && taskNames.isEmpty()) {
                envProblems.add(Problem.warning("tasks", "", "no task folder, only files: a task is a folder tasks/NAME with a "
                        + TaskSpec.TASK_JSON));
            }
            if (looseTaskFiles) {
                List<String> exclude = taskNames.stream().map(n -> "tasks/" + n).toList();
                envEntries.addAll(safe.list("tasks", exclude, "", envProblems));
            }
        }
        taskNames.sort(String::compareTo);

        Map<String, SafeFolder.Entry> envFiles = new HashMap<>();
        envEntries.forEach(e -> envFiles.put(e.path(), e));
        SafeFolder.Entry envJson = document(envFiles, folder, GymAnythingFormat.ENV_JSON, "", true,
                "an environment folder needs an " + GymAnythingFormat.ENV_JSON, envProblems);
        if (envJson == null) {
            listener.environment(null, List.of(), envProblems);
            return;
        }
        ObjectNode envDoc = JsonFiles.readObject(envJson.file(), GymAnythingFormat.ENV_JSON, envProblems);
        if (envDoc == null) {
            listener.environment(null, List.of(), envProblems);
            return;
        }
        Provenance prov = new Provenance(Provenance.GYM_ANYTHING, folder.toAbsolutePath().normalize().toString(), licence);
        EnvironmentSpec env = GymAnythingFormat.parseEnvironment(envName, envDoc, prov, envProblems);
        HookRefs refs = HookRefs.of(envName, envDoc, GymAnythingFormat.ENV_JSON, envProblems);
        env.hooks().forEach((hook, cmd) -> refs.resolve(cmd, GymAnythingFormat.ENV_JSON, "/hooks/" + hook, envProblems)
                .filter(rel -> !envFiles.containsKey(rel))
                .ifPresent(rel -> envProblems.add(Problem.warning(GymAnythingFormat.ENV_JSON, "/hooks/" + hook,
                        "refers to " + rel + ", which is not in the folder"))));
        List<ImportedFile> files = envEntries.stream().map(e -> new ImportedFile(e.path(), e.file(), e.size())).toList();
        boolean stored = listener.environment(env, files, envProblems);
        if (!stored) {
            return;
        }
        for (String name : taskNames) {
            readTask(safe, env, refs, name, listener);
        }
    }

    private void readTask(SafeFolder safe, EnvironmentSpec env, HookRefs refs, String name, Listener listener) {
        String prefix = "tasks/" + name + "/";
        List<Problem> problems = new ArrayList<>();
        List<SafeFolder.Entry> entries = safe.list("tasks/" + name, List.of(), "", problems);
        SafeNames.check(name, "tasks/" + name, "", problems);
        Map<String, SafeFolder.Entry> byName = new HashMap<>();
        List<ImportedFile> files = new ArrayList<>();
        for (SafeFolder.Entry e : entries) {
            String local = e.path().substring(prefix.length());
            byName.put(local, e);
            files.add(new ImportedFile(local, e.file(), e.size()));
        }
        Path dir = safe.root().resolve("tasks").resolve(name);
        SafeFolder.Entry taskJson = document(byName, dir, TaskSpec.TASK_JSON, prefix, true, "a task folder needs a "
                + TaskSpec.TASK_JSON, problems);
        if (taskJson == null) {
            listener.task(name, null, files, problems);
            return;
        }
        ObjectNode task = JsonFiles.readObject(taskJson.file(), prefix + TaskSpec.TASK_JSON, problems);
        ObjectNode checklist = optional(byName, dir, TaskSpec.CHECKLIST_JSON, prefix, problems);
        ObjectNode pi = optional(byName, dir, TaskSpec.PI_JSON, prefix, problems);
        ObjectNode oracle = optional(byName, dir, TaskSpec.ORACLE_JSON, prefix, problems);
        if (task == null) {
            listener.task(name, null, files, problems);
            return;
        }
        TaskSpec spec = GymAnythingFormat.parseTask(name, prefix, env, task, checklist, pi, oracle, problems);
        Set<String> present = new HashSet<>();
        entries.forEach(e -> present.add(e.path()));
        checkHook(refs, spec.setup(), "/hooks/pre_task", prefix, present, problems);
        checkHook(refs, spec.export(), "/hooks/post_task", prefix, present, problems);
        if (spec.checker() instanceof Checker.Program p && !byName.containsKey(p.file())) {
            problems.add(Problem.warning(prefix + TaskSpec.TASK_JSON, "/success/spec/program", "the checker program "
                    + p.file() + " is not in the task folder"));
        }
        listener.task(name, spec, files, problems);
    }

    private static void checkHook(HookRefs refs, String command, String pointer, String prefix, Set<String> present,
            List<Problem> problems) {
        if (command == null) {
            return;
        }
        Optional<String> rel = refs.resolve(command, prefix + TaskSpec.TASK_JSON, pointer, problems);
        rel.filter(r -> !present.contains(r)).ifPresent(r -> problems.add(Problem.warning(prefix + TaskSpec.TASK_JSON, pointer,
                "refers to " + r + ", which is not in the folder")));
    }

    private static ObjectNode optional(Map<String, SafeFolder.Entry> byName, Path dir, String file, String prefix,
            List<Problem> problems) {
        SafeFolder.Entry e = document(byName, dir, file, prefix, false, "", problems);
        return e == null ? null : JsonFiles.readObject(e.file(), prefix + file, problems);
    }

    /**
     * A spec document of a folder, or null: with an error when it is a folder, or missing but
     * required; a document the listing already refused (a link, a pipe, too large) keeps that error.
     */
    private static SafeFolder.Entry document(Map<String, SafeFolder.Entry> byName, Path dir, String file, String prefix,
            boolean required, String why, List<Problem> problems) {
        SafeFolder.Entry e = byName.get(file);
        String shown = prefix + file;
        if (e != null || problems.stream().anyMatch(p -> p.isError() && p.file().equals(shown))) {
            return e;
        }
        if (Files.isDirectory(dir.resolve(file))) {
            problems.add(Problem.error(shown, "", "a folder, not a file" + (why.isEmpty() ? "" : ": " + why + " file")));
        } else if (required) {
            problems.add(Problem.error(shown, "", "missing: " + why));
        }
        return null;
    }
}
