package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.envforge.action.GymAnythingActions;
import org.envforge.spec.SafeNames;
import org.envforge.store.BlobStore;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.StepAnnotation;
import org.envforge.trajectory.Trajectory;

/**
 * Training data from approved trajectories, for fine-tuning and distillation: {@code train.jsonl}
 * with one sample per step as chat messages (system prompt; the task, the earlier actions and the
 * screen before the step; the agent's words and its action as Gym-Anything JSON), the images in
 * {@code images/} named by content hash, and {@code manifest.json}. Each sample carries the step's
 * tags and note; steps tagged as mistakes are left out.
 */
public final class TrainingExport {

    public static final String SYSTEM_PROMPT = "You are a computer-use agent operating a Linux desktop through mouse and keyboard. "
            + "Each turn you see the task, your earlier actions and a screenshot. Think briefly, then end with one line "
            + "\"ACTION: \" followed by a JSON list of actions in Gym-Anything's format, e.g. "
            + "[{\"mouse\": {\"left_click\": [120, 340]}}] or [{\"keyboard\": {\"keys\": [\"ctrl\", \"s\"]}}]; "
            + "say [{\"control\": \"done\"}] when the task is complete.";

    /** Tags that mark a step as a mistake to leave out. */
    public static final Set<String> MISTAKE_TAGS = Set.of("mis-click", "wrong-window", "typo", "wrong-value", "hallucination",
            "retry-loop", "premature-done");

    /**
     * @param skipTags steps with any of these tags are left out
     * @param history how many earlier actions each sample lists
     */
    public record Options(Set<String> skipTags, int history) {

        public Options {
            skipTags = Set.copyOf(skipTags);
        }

        public static Options defaults() {
            return new Options(MISTAKE_TAGS, 10);
        }
    }

    /**
     * What was written.
     *
     * @param missingScreenshots the steps left out because their screenshot is missing or damaged
     */
    public record Report(int trajectories, int samples, int images, int skippedSteps, Path file, List<String> missingScreenshots) {

        public Report {
            missingScreenshots = List.copyOf(missingScreenshots);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingExport() {
    }

    public static Report write(List<Trajectory> trajectories, Function<Long, List<Step>> steps,
            Function<Long, Map<Integer, StepAnnotation>> annotations, BlobStore blobs, Path out, Options options) throws IOException {
        Files.createDirectories(out.resolve("images"));
        Path file = out.resolve("train.jsonl");
        Set<String> images = new HashSet<>();
        Screenshots shots = new Screenshots(blobs);
        int samples = 0;
        int skipped = 0;
        ArrayNode listed = MAPPER.createArrayNode();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Trajectory t : trajectories) {
                List<Step> ss = steps.apply(t.id());
                Map<Integer, StepAnnotation> notes = annotations.apply(t.id());
                int written = 0;
                for (int i = 0; i < ss.size(); i++) {
                    Step s = ss.get(i);
                    StepAnnotation a = notes.get(s.index());
                    Set<String> tags = a == null ? Set.of() : a.tags();
                    boolean mistake = tags.stream().anyMatch(options.skipTags()::contains);
                    if (mistake || s.actions().isEmpty() || s.error() != null || s.screenshot() == null) {
                        skipped++;
                        continue;
                    }
                    String image = "images/" + s.screenshot() + ".png";
                    if (!images.contains(s.screenshot())) {
                        if (!shots.copy(s.screenshot(), SafeNames.inside(out, image, "the screenshot"),
                                "trajectory " + t.id() + " " + Screenshots.step(s.index()))) {
                            skipped++;
                            continue;
                        }
                        images.add(s.screenshot());
                    }
                    w.write(MAPPER.writeValueAsString(sample(t, ss, i, image, a, options.history())));
                    w.write('\n');
                    samples++;
                    written++;
                }
                ObjectNode tj = listed.addObject();
                tj.put("trajectory", t.id());
                tj.put("task", t.taskRef());
                tj.put("agent", t.agent());
                tj.put("samples", written);
            }
        }
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("created", Instant.now().toString());
        manifest.put("format", "chat messages with image paths, one sample per step (EnvForge training export)");
        manifest.put("samples", samples);
        manifest.put("images", images.size());
        manifest.put("skipped_steps", skipped);
        ArrayNode skip = manifest.putArray("skipped_tags");
        options.skipTags().stream().sorted().forEach(skip::add);
        manifest.set("trajectories", listed);
        Files.writeString(out.resolve("manifest.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
                StandardCharsets.UTF_8);
        return new Report(trajectories.size(), samples, images.size(), skipped, file, shots.missing());
    }

    private static ObjectNode sample(Trajectory t, List<Step> ss, int i, String image, StepAnnotation a, int history) {
        Step s = ss.get(i);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", "traj" + t.id() + "_step" + s.index());
        o.put("trajectory", t.id());
        o.put("step", s.index());
        o.put("task", t.taskRef());
        o.put("agent", t.agent());
        ArrayNode messages = o.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        StringBuilder text = new StringBuilder("Task: ").append(t.instruction() == null ? "(not recorded)" : t.instruction());
        int from = Math.max(0, i - history);
        if (i > 0) {
            text.append("\n\nYour previous actions").append(from > 0 ? " (the last " + (i - from) + ")" : "").append(':');
            for (int j = from; j < i; j++) {
                text.append('\n').append(j + 1).append(". ").append(ss.get(j).actionText());
            }
        }
        content.addObject().put("type", "text").put("text", text.toString());
        content.addObject().put("type", "image").put("image", image);
        String words = s.response() == null || s.response().isBlank() ? "" : s.response().strip() + "\n";
        messages.addObject().put("role", "assistant").put("content", words + "ACTION: " + GymAnythingActions.toJson(s.actions()));
        o.putArray("images").add(image);
        ArrayNode tags = o.putArray("tags");
        if (a != null) {
            a.tags().stream().sorted().forEach(tags::add);
            if (a.note() != null) {
                o.put("note", a.note());
            }
        }
        o.put("verdict", t.verdict() == null ? null : t.verdict().name());
        if (t.checkerPassed() != null) {
            o.put("checker_passed", t.checkerPassed());
        }
        return o;
    }
}
