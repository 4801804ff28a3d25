package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.envforge.action.GymAnythingActions;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.text.Clip;

/** Writes a task's artefacts in the creator's JSON schema: for the worked example and for fixing. */
final class DraftWriter {

    private final int maxFileLines;

    /** @param maxFileLines longer text files are cut to this many lines, with a marker; any file to {@link Clip#PROMPT_SECTION} */
    DraftWriter(int maxFileLines) {
        this.maxFileLines = maxFileLines;
    }

    ObjectNode write(TaskDraft d) {
        ObjectNode o = JsonReplies.JSON.createObjectNode();
        o.put("name", d.name());
        o.put("instruction", d.instruction());
        o.put("difficulty", d.difficulty());
        o.put("max_steps", d.maxSteps());
        o.put("timeout_sec", d.timeoutSeconds());
        ObjectNode files = o.putObject("files");
        new TreeMap<>(d.files()).forEach((path, bytes) -> files.put(path, fileText(bytes)));
        o.put("setup", d.setup() == null ? "" : d.setup());
        ArrayNode launch = o.putArray("launch");
        d.launch().forEach(launch::add);
        o.put("window_title", d.windowTitle() == null ? "" : d.windowTitle());
        ArrayNode conditions = o.putObject("checker").putArray("conditions");
        if (d.checker() != null) {
            for (Checker.Condition c : d.checker().conditions()) {
                ObjectNode n = conditions.addObject().put("probe", c.probe());
                n.set("args", c.args() == null ? JsonReplies.JSON.createObjectNode() : c.args());
                n.put("op", c.op());
                if (c.expected() != null && !c.expected().isNull()) {
                    n.set("expected", c.expected());
                }
            }
        }
        writeChecklist(o.putObject("checklist"), d.checklist());
        ArrayNode facts = o.putArray("privileged_info");
        if (d.privilegedInfo() != null) {
            for (PrivilegedInfo.Item i : d.privilegedInfo().items()) {
                facts.addObject().put("key", i.key()).put("source", i.source()).set("value", i.value());
            }
        }
        o.set("oracle", GymAnythingActions.toJson(d.oracle()));
        o.put("provenance", d.provenance() == null ? "" : d.provenance());
        return o;
    }

    private static void writeChecklist(ObjectNode o, Checklist c) {
        ArrayNode completion = o.putArray("completion");
        ArrayNode integrity = o.putArray("integrity");
        if (c == null) {
            return;
        }
        for (Checklist.Item i : c.completion()) {
            ObjectNode n = completion.addObject().put("id", i.id()).put("description", i.description());
            if (i.points() == Math.rint(i.points())) {
                n.put("points", (long) i.points());
            } else {
                n.put("points", i.points());
            }
            n.put("visual_evidence", i.visualEvidence());
        }
        for (Checklist.IntegrityItem i : c.integrity()) {
            integrity.addObject().put("id", i.id()).put("description", i.description()).put("visual_evidence", i.visualEvidence());
        }
        o.put("note", c.privilegedInfo() == null ? "" : c.privilegedInfo());
    }

    private String fileText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "(a binary file of " + bytes.length + " bytes, not shown)";
        }
        String[] lines = text.split("\n", -1);
        if (lines.length <= maxFileLines) {
            return Clip.text(text, Clip.PROMPT_SECTION);
        }
        return Clip.text(String.join("\n", java.util.Arrays.copyOf(lines, maxFileLines)), Clip.PROMPT_SECTION) + "\n... ("
                + (lines.length - maxFileLines) + " more lines not shown)\n";
    }
}
