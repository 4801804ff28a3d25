package org.envforge.views.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.envforge.agent.Creation;
import org.envforge.engine.EngineJson;
import org.envforge.plugin.TaskDraft;
import org.envforge.views.code.Language;

/** A task's scripts and artefacts as texts, by name, for diffing them between rounds. */
public final class Artefacts {

    public static final String INSTRUCTION = "instruction";
    public static final String SETUP = "setup script";
    public static final String LAUNCH = "launch";
    public static final String CHECKER = "checker.json";
    public static final String ORACLE = "oracle.json";
    public static final String CHECKLIST = "checklist.json";
    public static final String PRIVILEGED = "privileged info.json";
    public static final String METADATA = "metadata.json";
    public static final String NOTES = "creator notes";
    private static final String FILES = "files/";
    private static final int MAX_FILE = 256 * 1024;

    private static final ObjectWriter PRETTY = EngineJson.MAPPER.writerWithDefaultPrettyPrinter();

    private Artefacts() {
    }

    /** The names of what {@link #of} gives, in order (files last). */
    public static List<String> fixedNames() {
        return List.of(INSTRUCTION, SETUP, LAUNCH, CHECKER, ORACLE, CHECKLIST, PRIVILEGED, METADATA, NOTES);
    }

    /** The artefacts of a task of a creation; an absent task (or creation) has none. */
    public static Map<String, String> of(Creation creation, String task) {
        Map<String, String> out = new LinkedHashMap<>();
        if (creation == null) {
            return out;
        }
        TaskDraft t = creation.environment().tasks().stream().filter(d -> d.name().equals(task)).findFirst().orElse(null);
        if (t == null) {
            return out;
        }
        out.put(INSTRUCTION, t.instruction() == null ? "" : t.instruction());
        out.put(SETUP, t.setup() == null ? "" : t.setup());
        out.put(LAUNCH, String.join(" ", t.launch()) + "\nwindow title: " + (t.windowTitle() == null ? "" : t.windowTitle()));
        out.put(CHECKER, json(t.checker()));
        out.put(ORACLE, json(t.oracle()));
        out.put(CHECKLIST, json(t.checklist()));
        out.put(PRIVILEGED, json(t.privilegedInfo()));
        out.put(METADATA, json(new TreeMap<>(t.metadata())));
        StringBuilder notes = new StringBuilder();
        creation.notes().forEach(n -> notes.append(n).append('\n'));
        if (!creation.injected().isEmpty()) {
            notes.append("injected defects: ").append(new TreeMap<>(creation.injected())).append('\n');
        }
        out.put(NOTES, notes.toString());
        new TreeMap<>(t.files()).forEach((path, bytes) -> out.put(FILES + path, text(bytes)));
        return out;
    }

    /** The language a named artefact is highlighted in. */
    public static Language language(String name) {
        if (name.equals(SETUP)) {
            return Language.SHELL;
        }
        return Language.of(name);
    }

    private static String json(Object o) {
        if (o == null) {
            return "null";
        }
        try {
            return PRETTY.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return "(cannot show as JSON: " + e.getOriginalMessage() + ")";
        }
    }

    private static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return "(binary, " + bytes.length + " bytes)";
            }
        }
        if (bytes.length > MAX_FILE) {
            return "(" + bytes.length + " bytes; too big to compare)";
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
