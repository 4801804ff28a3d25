package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envforge.action.Action;
import org.envforge.action.OsworldActions;
import org.envforge.spec.Problem;
import org.envforge.store.BlobStore;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;

/**
 * OSWorld result folders ({@code results/<action space>/<observation>/<model>/<domain>/<task id>/}):
 * traj.jsonl with one line per action ({@code step_num, action_timestamp, action, response, reward,
 * done, info, screenshot_file}), the screen after each action as {@code step_<n>_<timestamp>.png},
 * and result.txt with the score. Actions are pyautogui programs or computer_13 dicts.
 */
public final class OsworldTrajectories {

    public static final String FORMAT = "osworld";
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMdd@HHmmssSSSSSS", Locale.ROOT);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OsworldTrajectories() {
    }

    /** True when the start of a traj.jsonl looks like an OSWorld one (lines with step_num). */
    static boolean looksLike(String head) {
        return head.contains("\"step_num\"");
    }

    public static EpisodeRead read(Path folder) {
        List<Problem> problems = new ArrayList<>();
        List<RawStep> steps = new ArrayList<>();
        String taskHint = hint(folder);
        String agent = agent(folder);
        if (!FolderFiles.jsonLines(folder, "an OSWorld result folder has a traj.jsonl", problems,
                (n, o) -> line(folder, n, o, steps, problems))) {
            return new EpisodeRead(FORMAT, folder, taskHint, null, agent, null, null, steps, null, null, false, null, null, problems);
        }
        if (steps.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
            problems.add(Problem.error(FolderFiles.TRAJ, "", "has no steps"));
        }
        Path initial = null;
        try {
            List<Path> zero = FolderFiles.list(folder, "step_0_*.png");
            initial = zero.isEmpty() ? null : zero.get(0);
        } catch (IOException e) {
            // no initial screen
        }
        Boolean passed = null;
        String verification = null;
        Optional<Path> result = FolderFiles.file(folder, "result.txt", FolderFiles.MAX_SIDE_FILE_BYTES, problems);
        if (result.isPresent()) {
            try {
                String text = Files.readString(result.get(), StandardCharsets.UTF_8).strip();
                double score = Double.parseDouble(text);
                passed = score >= 1.0 - 1e-9;
                verification = "OSWorld result.txt: score " + text;
            } catch (IOException e) {
                problems.add(Problem.warning("result.txt", "", "cannot be read: " + e.getMessage()));
            } catch (NumberFormatException e) {
                problems.add(Problem.warning("result.txt", "", "not a score (a number such as 1.0); ignored"));
            }
        }
        boolean saidDone = steps.stream().anyMatch(s -> s.actions().stream().anyMatch(a -> a instanceof Action.Done));
        Instant started = steps.isEmpty() ? null : steps.get(0).at();
        Instant finished = steps.isEmpty() ? null : steps.get(steps.size() - 1).at();
        return new EpisodeRead(FORMAT, folder, taskHint, null, agent, started, finished, steps, initial, null, saidDone, passed,
                verification, problems);
    }

    private static void line(Path folder, int n, JsonNode o, List<RawStep> steps, List<Problem> problems) {
        if (!o.isObject()) {
            problems.add(Problem.warning("traj.jsonl", "", "expected an object, skipped").withLine(n));
            return;
        }
        int index = steps.size();
        if (o.has("Error") || o.has("error") && !o.has("action")) {
            String err = o.has("Error") ? o.get("Error").asText() : o.get("error").asText();
            steps.add(new RawStep(index, at(o, folder), List.of(), "(error)", o.toString(), null, null, null, false, err));
            return;
        }
        JsonNode action = o.get("action");
        List<Action> actions = List.of();
        String text0;
        if (action == null || action.isNull()) {
            problems.add(Problem.warning("traj.jsonl", "/action", "missing").withLine(n));
            text0 = "(no action)";
        } else {
            try {
                actions = action.isTextual() ? PyAutoGui.parse(action.asText()) : action.isObject()
                        ? List.of(OsworldActions.fromJson(action)) : List.of();
                if (!action.isTextual() && !action.isObject()) {
                    throw new IllegalArgumentException("expected a pyautogui program or a computer_13 action");
                }
                text0 = Actions.text(actions);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.warning("traj.jsonl", "/action", "kept as written, not understood: " + e.getMessage())
                        .withLine(n));
                text0 = Actions.firstLine(action.isTextual() ? action.asText() : action.toString());
            }
        }
        Path after = null;
        if (o.hasNonNull("screenshot_file")) {
            after = FolderFiles.inside(folder, o.get("screenshot_file").asText());
            if (after == null) {
                problems.add(Problem.warning("traj.jsonl", "/screenshot_file", "\"" + o.get("screenshot_file").asText()
                        + "\" points outside the folder; ignored").withLine(n));
            }
        }
        String response = o.hasNonNull("response") ? o.get("response").isTextual() ? o.get("response").asText()
                : o.get("response").toString() : null;
        Double reward = o.has("reward") && o.get("reward").isNumber() ? o.get("reward").asDouble() : null;
        boolean done = o.path("done").asBoolean(false) || actions.stream().anyMatch(a -> a instanceof Action.Done
                || a instanceof Action.Fail);
        steps.add(new RawStep(index, at(o, folder), actions, text0, action == null ? null : action.toString(), response, after, reward,
                done, null));
    }

    private static Instant at(JsonNode o, Path folder) {
        String ts = o.path("action_timestamp").asText("");
        if (!ts.isEmpty()) {
            try {
                return LocalDateTime.parse(ts, TS).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        try {
            return Files.getLastModifiedTime(folder.resolve("traj.jsonl")).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** "domain/task id" from results/.../domain/task_id. */
    private static String hint(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        Path parent = folder.toAbsolutePath().normalize().getParent();
        return (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + (name == null ? "" : name);
    }

    /** The model from results/<action space>/<observation>/<model>/<domain>/<task id>. */
    private static String agent(Path folder) {
        Path p = folder.toAbsolutePath().normalize();
        return p.getNameCount() >= 3 ? p.getName(p.getNameCount() - 3).toString() : "unknown";
    }

    // Writing ------------------------------------------------------------------------------------

    /** Writes a trajectory as an OSWorld result folder; returns the screenshots written and those left out. */
    public static Screenshots write(Trajectory t, List<Step> steps, BlobStore blobs, Path folder) throws IOException {
        Files.createDirectories(folder);
        EnvforgeNotes.write(t, folder);
        Screenshots shots = new Screenshots(blobs);
        try (Writer w = Files.newBufferedWriter(folder.resolve("traj.jsonl"), StandardCharsets.UTF_8)) {
            if (!steps.isEmpty()) {
                shots.copy(steps.get(0).screenshot(), folder.resolve("step_0_" + ts(steps.get(0).at()) + ".png"),
                        Screenshots.step(steps.get(0).index()));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                String ts = ts(s.at());
                String file = "step_" + (i + 1) + "_" + ts + ".png";
                ObjectNode o = MAPPER.createObjectNode();
                o.put("step_num", i + 1);
                o.put("action_timestamp", ts);
                o.set("action", nativeAction(t, s));
                o.put("response", s.response() == null ? "" : s.response());
                o.put("reward", s.reward() == null ? 0 : s.reward());
                o.put("done", s.done());
                ObjectNode info = o.putObject("info");
                if (s.error() != null) {
                    info.put("error", s.error());
                }
                if (shots.copyAfter(steps, i, folder.resolve(file))) {
                    o.put("screenshot_file", file);
                }
                w.write(MAPPER.writeValueAsString(o));
                w.write('\n');
            }
        }
        if (t.checkerPassed() != null) {
            Files.writeString(folder.resolve("result.txt"), t.checkerPassed() ? "1.0\n" : "0.0\n", StandardCharsets.UTF_8);
        }
        return shots;
    }

    private static JsonNode nativeAction(Trajectory t, Step s) throws IOException {
        if (FORMAT.equals(t.source()) && s.nativeJson() != null) {
            return MAPPER.readTree(s.nativeJson());
        }
        if (s.actions().isEmpty()) {
            return MAPPER.getNodeFactory().textNode("");
        }
        return MAPPER.getNodeFactory().textNode(PyAutoGui.toCode(s.actions()));
    }

    static String ts(Instant at) {
        return TS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
