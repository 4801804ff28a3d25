package org.envforge.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.envforge.json.JsonFiles;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.SafeNames;
import org.envforge.spec.SpecFile;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.gymanything.GymAnythingFormat;
import org.envforge.spec.osworld.OsworldFormat;
import org.envforge.store.BlobStore;
import org.envforge.store.Environments;
import org.envforge.store.Store;

/**
 * Writes stored environments out: in the Gym-Anything layout, or as OSWorld task JSON. Only approved
 * tasks unless asked for all; files are checked against their hashes, and an export writes a whole
 * folder or nothing.
 */
public final class EnvironmentExport {

    private final Supplier<Store> store;

    public EnvironmentExport(Supplier<Store> store) {
        this.store = store;
    }

    private Environments envs() {
        return new Environments(store.get());
    }

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
        EnvironmentSpec envSpec = EnvironmentService.spec(env, new ArrayList<>());
        String owner = env.summary().id();
        int written = ExportFolders.writeWhole(dir, staging -> {
            writeFiles(staging, "", owner, env.files(), Map.of(GymAnythingFormat.ENV_JSON, env.document()), blobs);
            for (StoredTask t : chosen) {
                Map<String, ObjectNode> docs = new LinkedHashMap<>(t.documents());
                if (!docs.containsKey(TaskSpec.TASK_JSON)) {
                    // An OSWorld task: its evaluator goes into task.json; the original document stays beside it.
                    docs.put(TaskSpec.TASK_JSON, GymAnythingFormat.taskJson(EnvironmentService.spec(t, envSpec, new ArrayList<>())));
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
        EnvironmentSpec envSpec = EnvironmentService.spec(env, new ArrayList<>());
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
            TaskSpec spec = EnvironmentService.spec(t, envSpec, new ArrayList<>());
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
                writeDoc(SafeNames.inside(staging, f.name(), "the task id"), f.json(), f.original(), blobs,
                        f.task() + " file " + TaskSpec.OSWORLD_JSON);
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
            writeDoc(SafeNames.inside(dir, d.getKey(), "the document"), d.getValue(), original, blobs,
                    prefix + d.getKey() + " of " + owner);
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
