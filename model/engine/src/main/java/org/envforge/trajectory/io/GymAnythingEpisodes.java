package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.spec.Problem;
import org.envforge.store.BlobStore;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.Trajectory;

/**
 * Gym-Anything episode folders: traj.jsonl with events ({@code reset}, {@code session}, {@code step}
 * with the step's list of action dicts, {@code finalize}), {@code frame_%05d.png} holding the screen
 * after step N (the reset's frame_00000 is overwritten by step 0), {@code final.png}, and
 * summary.json with the verifier's result. EnvForge adds {@code initial.png}, the screen before step
 * 0, which their tools ignore.
 */
public final class GymAnythingEpisodes {

    public static final String FORMAT = "gym-anything";
    public static final String INITIAL = "initial.png";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GymAnythingEpisodes() {
    }

    /** True when the start of a traj.jsonl looks like a Gym-Anything one (lines with event). */
    static boolean looksLike(String head) {
        return head.contains("\"event\"");
    }

    public static EpisodeRead read(Path folder) {
        List<Problem> problems = new ArrayList<>();
        List<RawStep> steps = new ArrayList<>();
        Header h = new Header();
        Map<Integer, Path> frames;
        try {
            frames = frames(folder);
        } catch (IOException e) {
            frames = Map.of();
        }
        Map<Integer, Path> byIndex = frames;
        if (!FolderFiles.jsonLines(folder, "a Gym-Anything episode folder has a traj.jsonl", problems,
                (n, o) -> line(n, o, h, steps, byIndex, problems))) {
            return new EpisodeRead(FORMAT, folder, null, null, "unknown", null, null, steps, null, null, false, null, null, problems);
        }
        if (steps.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
            problems.add(Problem.error("traj.jsonl", "", "has no step events"));
        }
        Boolean passed = null;
        String verification = null;
        Optional<Path> summary = FolderFiles.file(folder, "summary.json", FolderFiles.MAX_SIDE_FILE_BYTES, problems);
        if (summary.isPresent()) {
            try {
                JsonNode s = MAPPER.readTree(summary.get().toFile());
                JsonNode v = s.path("verifier");
                if (v.isObject() && v.has("passed")) {
                    passed = v.get("passed").asBoolean();
                    verification = "Gym-Anything verifier: " + (passed ? "passed" : "failed")
                            + (v.has("score") ? ", score " + v.get("score").asText() : "")
                            + (v.hasNonNull("feedback") ? ": " + v.get("feedback").asText() : "");
                }
                if (h.env == null && s.hasNonNull("env")) {
                    h.env = s.get("env").asText();
                }
                if (h.task == null && s.hasNonNull("task")) {
                    h.task = s.get("task").asText();
                }
                if (s.has("end_ts") && s.get("end_ts").isNumber()) {
                    h.finished = seconds(s.get("end_ts"));
                }
            } catch (IOException e) {
                problems.add(Problem.warning("summary.json", "", "not JSON: " + e.getMessage()));
            }
        }
        // Screens are checked (inside the folder, regular files, PNG) when stored.
        Path initial = FolderFiles.present(folder, INITIAL);
        Path fin = Optional.ofNullable(FolderFiles.present(folder, "final.png"))
                .orElse(FolderFiles.present(folder, "post_verification.png"));
        boolean saidDone = h.finalized || steps.stream().anyMatch(s -> s.actions().stream().anyMatch(a -> a instanceof Action.Done));
        String hint = h.env == null && h.task == null ? null : (h.env == null ? "" : h.env) + "/" + (h.task == null ? "" : h.task);
        return new EpisodeRead(FORMAT, folder, hint, h.instruction, h.agent == null ? "unknown" : h.agent, h.started,
                h.finished == null && !steps.isEmpty() ? steps.get(steps.size() - 1).at() : h.finished, steps, initial, fin, saidDone,
                passed, verification, problems);
    }

    private static final class Header {
        String env;
        String task;
        String instruction;
        String agent;
        Instant started;
        Instant finished;
        boolean finalized;
    }

    private static Map<Integer, Path> frames(Path folder) throws IOException {
        Map<Integer, Path> out = new TreeMap<>();
        for (Path p : FolderFiles.list(folder, "frame_*.png")) {
            String name = p.getFileName().toString();
            try {
                out.put(Integer.parseInt(name.substring("frame_".length(), name.length() - ".png".length())), p);
            } catch (NumberFormatException e) {
                // not a step frame
            }
        }
        return out;
    }

    private static void line(int n, JsonNode o, Header h, List<RawStep> steps, Map<Integer, Path> frames, List<Problem> problems) {
        String event = o.path("event").asText(o.path("type").asText(""));
        switch (event) {
            case "reset" -> {
                h.env = text(o, "env", "env_id");
                h.task = text(o, "task", "task_id");
                h.instruction = text(o, "instruction", "description");
                h.agent = text(o, "agent", "model");
                h.started = o.has("ts") ? seconds(o.get("ts")) : null;
            }
            case "finalize" -> {
                h.finalized = true;
                if (o.has("ts")) {
                    h.finished = seconds(o.get("ts"));
                }
            }
            case "step" -> step(n, o, steps, frames, problems);
            default -> {
                // session and other events carry nothing a step needs
            }
        }
    }

    private static void step(int n, JsonNode o, List<RawStep> steps, Map<Integer, Path> frames, List<Problem> problems) {
        int idx = o.path("idx").asInt(steps.size());
        JsonNode action = o.get("action");
        List<Action> actions = new ArrayList<>();
        String text;
        try {
            if (action == null || action.isNull()) {
                throw new IllegalArgumentException("missing");
            }
            JsonNode list = action.isArray() ? action : MAPPER.createArrayNode().add(action);
            for (JsonNode a : list) {
                String kind = a.path("action").asText(a.path("type").asText(""));
                if (kind.equals("wait")) {
                    actions.add(new Action.Wait(Math.round(a.path("time").asDouble(a.path("seconds").asDouble(1)) * 1000)));
                } else if (!kind.equals("screenshot")) {
                    actions.add(GymAnythingActions.fromJson(a));
                }
            }
            text = Actions.text(actions);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning("traj.jsonl", "/action", "kept as written, not understood: " + e.getMessage()).withLine(n));
            actions.clear();
            text = action == null ? "(no action)" : Actions.firstLine(action.toString());
        }
        boolean done = actions.stream().anyMatch(a -> a instanceof Action.Done || a instanceof Action.Fail);
        String response = o.hasNonNull("response") ? o.get("response").isTextual() ? o.get("response").asText()
                : o.get("response").toString() : null;
        steps.add(new RawStep(steps.size(), o.has("ts") ? seconds(o.get("ts")) : Instant.EPOCH, actions, text,
                action == null ? null : action.toString(), response, frames.get(idx), null, done, null));
    }

    private static String text(JsonNode o, String a, String b) {
        return o.hasNonNull(a) ? o.get(a).asText() : o.hasNonNull(b) ? o.get(b).asText() : null;
    }

    private static Instant seconds(JsonNode ts) {
        if (!ts.isNumber()) {
            return Instant.EPOCH;
        }
        double s = ts.asDouble();
        return Instant.ofEpochSecond((long) s, Math.round((s - Math.floor(s)) * 1e9) % 1_000_000_000L);
    }

    // Writing ------------------------------------------------------------------------------------

    /** Writes a trajectory as a Gym-Anything episode folder; returns the screenshots written and those left out. */
    public static Screenshots write(Trajectory t, List<Step> steps, BlobStore blobs, Path folder) throws IOException {
        Files.createDirectories(folder);
        EnvforgeNotes.write(t, folder);
        String[] envTask = envTask(t.taskRef());
        Screenshots shots = new Screenshots(blobs);
        try (Writer w = Files.newBufferedWriter(folder.resolve("traj.jsonl"), StandardCharsets.UTF_8)) {
            ObjectNode reset = MAPPER.createObjectNode();
            reset.put("event", "reset");
            reset.put("ts", secs(t.started()));
            reset.putNull("seed");
            reset.put("env", envTask[0]);
            reset.put("task", envTask[1]);
            reset.put("instruction", t.instruction());
            reset.put("agent", t.agent());
            line(w, reset);
            if (!steps.isEmpty()) {
                shots.copy(steps.get(0).screenshot(), folder.resolve(INITIAL), Screenshots.step(steps.get(0).index()));
            }
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                ObjectNode o = MAPPER.createObjectNode();
                o.put("event", "step");
                o.put("ts", secs(s.at()));
                o.put("idx", i);
                o.set("action", nativeAction(t, s));
                if (s.response() != null) {
                    o.put("response", s.response());
                }
                line(w, o);
                shots.copyAfter(steps, i, folder.resolve(String.format(Locale.ROOT, "frame_%05d.png", i)));
            }
            if (!steps.isEmpty()) {
                Step last = steps.get(steps.size() - 1);
                shots.copy(last.afterShot(), folder.resolve("final.png"), Screenshots.after(last.index()));
            }
            ObjectNode fin = MAPPER.createObjectNode();
            fin.put("event", "finalize");
            fin.put("ts", secs(t.finished() == null ? t.started() : t.finished()));
            line(w, fin);
        }
        ObjectNode summary = MAPPER.createObjectNode();
        summary.put("env", envTask[0]);
        summary.put("task", envTask[1]);
        summary.put("start_ts", secs(t.started()));
        summary.put("end_ts", secs(t.finished() == null ? t.started() : t.finished()));
        summary.put("steps", steps.size());
        if (t.checkerPassed() != null) {
            ObjectNode v = summary.putObject("verifier");
            v.put("passed", t.checkerPassed());
            v.put("score", t.checkerPassed() ? 100 : 0);
            v.put("feedback", t.verification());
        }
        Files.writeString(folder.resolve("summary.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary),
                StandardCharsets.UTF_8);
        return shots;
    }

    private static JsonNode nativeAction(Trajectory t, Step s) throws IOException {
        if (FORMAT.equals(t.source()) && s.nativeJson() != null) {
            return MAPPER.readTree(s.nativeJson());
        }
        ArrayNode arr = MAPPER.createArrayNode();
        for (Action a : s.actions()) {
            arr.add(GymAnythingActions.toJson(a));
        }
        return arr;
    }

    private static void line(Writer w, JsonNode o) throws IOException {
        w.write(MAPPER.writeValueAsString(o));
        w.write('\n');
    }

    private static double secs(Instant i) {
        return i == null ? 0 : i.getEpochSecond() + i.getNano() / 1e9;
    }

    /** ENV/TASK, template:PLUGIN/TEMPLATE/SEED, or anything else. */
    static String[] envTask(String ref) {
        if (ref == null) {
            return new String[] {null, null};
        }
        String r = ref.startsWith("template:") ? ref.substring("template:".length()) : ref;
        int slash = r.indexOf('/');
        return slash < 0 ? new String[] {null, r} : new String[] {r.substring(0, slash), r.substring(slash + 1)};
    }
}
