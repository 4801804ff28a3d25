package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.envforge.runtime.PngDecoder;
import org.envforge.spec.Problem;
import org.envforge.store.BlobStore;
import org.envforge.store.Trajectories;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;
import org.envforge.trajectory.TrajectoryStatus;

/**
 * Imports OSWorld result folders and Gym-Anything episode folders. Each folder is read whole,
 * its screenshots checked (size, PNG structure) and stored content-addressed, then the trajectory
 * and all its steps are written in one transaction: a folder either arrives complete, with its
 * problems listed, or not at all. One bad folder never stops the others.
 */
public final class TrajectoryImporter {

    /** Screenshots larger than this are refused. */
    public static final long MAX_PNG_BYTES = 64L * 1024 * 1024;
    private static final int MAX_DEPTH = 8;

    /** The stored task an episode belongs to, when one matches. */
    public record TaskMatch(String ref, String instruction) {
    }

    /** One folder's outcome; {@code trajectory} is -1 when nothing was stored. */
    public record Item(Path folder, String format, long trajectory, int steps, int screenshots, List<Problem> problems) {

        public Item {
            problems = List.copyOf(problems);
        }

        public boolean imported() {
            return trajectory >= 0;
        }
    }

    /** All folders' outcomes. */
    public record Report(List<Item> items) {

        public Report {
            items = List.copyOf(items);
        }

        public long imported() {
            return items.stream().filter(Item::imported).count();
        }

        public long failed() {
            return items.size() - imported();
        }

        public long steps() {
            return items.stream().mapToLong(Item::steps).sum();
        }
    }

    private final Trajectories trajectories;
    private final BlobStore blobs;
    private final Function<EpisodeRead, TaskMatch> tasks;

    /** @param tasks finds the stored task an episode belongs to (may answer null) */
    public TrajectoryImporter(Trajectories trajectories, BlobStore blobs, Function<EpisodeRead, TaskMatch> tasks) {
        this.trajectories = trajectories;
        this.blobs = blobs;
        this.tasks = tasks;
    }

    public Report importPaths(List<Path> roots, Consumer<Item> progress) {
        List<Item> items = new ArrayList<>();
        for (Path root : roots) {
            List<Path> folders;
            try {
                folders = folders(root);
            } catch (IOException | RuntimeException e) {
                Item failed = new Item(root, null, -1, 0, 0, List.of(Problem.error(root.toString(), "", "cannot be read: "
                        + e.getMessage())));
                items.add(failed);
                progress.accept(failed);
                continue;
            }
            if (folders.isEmpty()) {
                Item failed = new Item(root, null, -1, 0, 0, List.of(Problem.error(root.toString(), "",
                        !Files.exists(root) ? "does not exist" : !Files.isDirectory(root)
                                ? "not a folder: give an episode folder (with a traj.jsonl) or a folder of them"
                                : "no episode folder (with a traj.jsonl) inside")));
                items.add(failed);
                progress.accept(failed);
            }
            for (Path f : folders) {
                Item item = importFolder(f);
                items.add(item);
                progress.accept(item);
            }
        }
        return new Report(items);
    }

    /** Episode folders: the root itself when it has a traj.jsonl, else every folder below holding one. */
    static List<Path> folders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        if (isTraj(root.resolve(FolderFiles.TRAJ))) {
            return List.of(root);
        }
        List<Path> out = new ArrayList<>();
        try (var walk = Files.walk(root, MAX_DEPTH, EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
            walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(FolderFiles.TRAJ) && isTraj(p))
                    .map(Path::getParent).sorted().forEach(out::add);
        }
        return out;
    }

    /** A traj.jsonl of any kind but a folder: links, pipes and the like are found, and refused when read. */
    private static boolean isTraj(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    Item importFolder(Path folder) {
        EpisodeRead read;
        try {
            List<Problem> refused = new ArrayList<>();
            String head = FolderFiles.head(folder, refused);
            if (head == null) {
                return new Item(folder, null, -1, 0, 0, refused);
            }
            read = GymAnythingEpisodes.looksLike(head) ? GymAnythingEpisodes.read(folder)
                    : OsworldTrajectories.looksLike(head) ? OsworldTrajectories.read(folder) : null;
        } catch (RuntimeException e) {
            return new Item(folder, null, -1, 0, 0, List.of(Problem.error("traj.jsonl", "", "cannot be read: " + e)));
        }
        if (read == null) {
            return new Item(folder, null, -1, 0, 0, List.of(Problem.error("traj.jsonl", "",
                    "neither an OSWorld traj.jsonl (lines with step_num) nor a Gym-Anything one (lines with event)")));
        }
        if (read.failed()) {
            return new Item(folder, read.format(), -1, 0, 0, read.problems());
        }
        List<Problem> problems = new ArrayList<>(read.problems());
        Map<Path, String> stored = new HashMap<>();
        int[] shots = {0};
        Function<Path, String> store = p -> p == null ? null : stored.computeIfAbsent(p, q -> {
            String sha = storeScreenshot(folder, q, problems);
            if (sha != null) {
                shots[0]++;
            }
            return sha;
        });
        List<Step> steps = new ArrayList<>(read.steps().size());
        String before = store.apply(read.initial());
        for (int i = 0; i < read.steps().size(); i++) {
            RawStep r = read.steps().get(i);
            String after = store.apply(r.after());
            boolean last = i == read.steps().size() - 1;
            String afterShot = null;
            if (last) {
                String fin = store.apply(read.finalShot());
                afterShot = fin != null ? fin : after;
            }
            steps.add(new Step(i, r.at(), 0, r.actions(), r.actionText(), r.nativeJson(), r.response(), before, afterShot, r.reward(),
                    r.done(), r.error()));
            before = after;
        }
        TaskMatch match = tasks.apply(read);
        String ref = match != null ? match.ref() : read.taskHint() == null ? null : read.format() + ":" + read.taskHint();
        String instruction = read.instruction() != null ? read.instruction() : match == null ? null : match.instruction();
        String agent = read.agent();
        JsonNode ours = ourNotes(folder, problems);
        if (ours != null) {
            ref = ours.hasNonNull("task") ? ours.get("task").asText() : ref;
            instruction = instruction == null && ours.hasNonNull("instruction") ? ours.get("instruction").asText() : instruction;
            agent = ours.hasNonNull("agent") ? ours.get("agent").asText() : agent;
        }
        Trajectory header = new Trajectory(0, ref, instruction, agent, read.format(), folder.toAbsolutePath().toString(),
                TrajectoryStatus.IMPORTED, read.started() == null ? Instant.now() : read.started(), read.finished(), steps.size(),
                read.saidDone(), read.checkerPassed(), read.verification(), null, null, null);
        try {
            long id = trajectories.insertImported(header, steps);
            return new Item(folder, read.format(), id, steps.size(), shots[0], problems);
        } catch (RuntimeException e) {
            problems.add(Problem.error("traj.jsonl", "", "could not be stored: " + e.getMessage()));
            return new Item(folder, read.format(), -1, 0, 0, problems);
        }
    }

    /** EnvForge's own notes in an exported folder (envforge.json: task, instruction, agent), or null. */
    private static JsonNode ourNotes(Path folder, List<Problem> problems) {
        Optional<Path> f = FolderFiles.file(folder, EnvforgeNotes.FILE, FolderFiles.MAX_SIDE_FILE_BYTES, problems);
        if (f.isEmpty()) {
            return null;
        }
        try {
            if (Files.size(f.get()) > 1 << 20) {
                problems.add(Problem.warning(EnvforgeNotes.FILE, "", "too large; ignored"));
                return null;
            }
            JsonNode n = new ObjectMapper().readTree(f.get().toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            problems.add(Problem.warning(EnvforgeNotes.FILE, "", "not JSON; ignored"));
            return null;
        }
    }

    private String storeScreenshot(Path folder, Path file, List<Problem> problems) {
        String name = folder.relativize(file).toString();
        try {
            List<Problem> refused = new ArrayList<>();
            Optional<Path> checked = FolderFiles.file(folder, name, MAX_PNG_BYTES, refused);
            refused.forEach(p -> problems.add(Problem.warning(p.file(), "", p.message() + "; the step is kept without its screenshot")));
            if (checked.isEmpty()) {
                if (refused.isEmpty()) {
                    problems.add(Problem.warning(name, "", "missing; the step is kept without its screenshot"));
                }
                return null;
            }
            byte[] png = Files.readAllBytes(checked.get());
            PngDecoder.size(png);
            return blobs.put(png);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning(name, "", e.getMessage() + "; the step is kept without its screenshot"));
            return null;
        } catch (IOException e) {
            problems.add(Problem.warning(name, "", "cannot be read: " + e.getMessage()));
            return null;
        }
    }
}
