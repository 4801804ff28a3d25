package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The problems found in a reply so far, with the field checks that find them; refuses the reply listing them all. */
final class Problems {

    private static final int MAX_LISTED = 12;

    private final List<String> list = new ArrayList<>();

    void add(String problem) {
        list.add(problem);
    }

    String text(ObjectNode o, String field, boolean required) {
        return text(o, field, required, null);
    }

    String text(ObjectNode o, String field, boolean required, String at) {
        JsonNode n = o.get(field);
        String name = (at == null ? "" : at + ".") + field;
        if (n == null || n.isNull()) {
            if (required) {
                add("\"" + name + "\" is missing");
            }
            return null;
        }
        if (!n.isTextual()) {
            add("\"" + name + "\" must be a string");
            return null;
        }
        if (required && n.asText().isBlank()) {
            add("\"" + name + "\" is empty");
            return null;
        }
        return n.asText();
    }

    int positiveInt(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() <= 0) {
            add("\"" + field + "\" must be a whole number greater than 0");
            return 0;
        }
        return n.asInt();
    }

    void throwIfAny() throws ReplyRejected {
        if (list.isEmpty()) {
            return;
        }
        List<String> shown = list.size() > MAX_LISTED ? list.subList(0, MAX_LISTED) : list;
        throw new ReplyRejected(String.join("; ", shown) + (list.size() > MAX_LISTED ? "; and " + (list.size() - MAX_LISTED)
                + " more problems" : ""));
    }
}
