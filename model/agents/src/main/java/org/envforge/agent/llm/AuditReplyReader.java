package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;

/**
 * Reads a VLM's audit reply, {@code {"items":[{"id","verdict","reason","confidence"}]}}, into one
 * verdict per audit item in {@link AuditChecklist#ALL} order: unknown ids are ignored, an item
 * left out is PARTIAL "not answered", and the confidence goes into the reason.
 */
final class AuditReplyReader {

    static final String NOT_ANSWERED = "not answered";

    private AuditReplyReader() {
    }

    /**
     * @param evidence what each verdict rests on, by item id (screenshot hashes, probe ids)
     */
    static List<ItemVerdict> read(String reply, Map<String, List<String>> evidence) throws ReplyRejected {
        ObjectNode o = JsonReplies.object(reply);
        JsonNode items = o.path("items");
        if (!items.isArray()) {
            throw new ReplyRejected("the reply must be {\"items\": [...]} with one entry per audit item");
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode n : items) {
            String id = n.path("id").asText("");
            if (AuditChecklist.ALL.stream().noneMatch(i -> i.id().equals(id)) || answers.containsKey(id)) {
                continue;
            }
            String v = n.path("verdict").asText("").strip().toLowerCase(Locale.ROOT);
            if (!List.of("pass", "partial", "fail").contains(v)) {
                problems.add("item " + id + ": verdict must be pass, partial or fail, was " + n.path("verdict"));
                continue;
            }
            answers.put(id, n);
        }
        if (!problems.isEmpty()) {
            throw new ReplyRejected(String.join("; ", problems));
        }
        if (answers.isEmpty()) {
            throw new ReplyRejected("no audit item was answered; use the ids " + AuditChecklist.ALL.stream()
                    .map(AuditChecklist.Item::id).toList());
        }
        List<ItemVerdict> out = new ArrayList<>();
        for (AuditChecklist.Item item : AuditChecklist.ALL) {
            List<String> ev = evidence.getOrDefault(item.id(), List.of());
            JsonNode a = answers.get(item.id());
            if (a == null) {
                out.add(new ItemVerdict(item.id(), item.question(), AuditVerdict.PARTIAL, NOT_ANSWERED, ev));
            } else {
                AuditVerdict v = AuditVerdict.valueOf(a.path("verdict").asText().strip().toUpperCase(Locale.ROOT));
                out.add(new ItemVerdict(item.id(), item.question(), v, reason(a), ev));
            }
        }
        return out;
    }

    private static String reason(JsonNode a) {
        String r = a.path("reason").isTextual() ? a.path("reason").asText().strip() : "";
        if (r.isEmpty()) {
            r = "no reason given";
        }
        JsonNode c = a.path("confidence");
        if (c.isNumber() && c.asDouble() >= 0 && c.asDouble() <= 1) {
            r += String.format(Locale.ROOT, " (confidence %.2f)", c.asDouble());
        }
        return r;
    }
}
