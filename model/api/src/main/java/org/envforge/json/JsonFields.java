package org.envforge.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.envforge.spec.Problem;

/**
 * Typed reads from a JSON document that report wrong types as problems with their JSON pointer
 * instead of throwing, so one pass finds every problem in a file.
 */
public final class JsonFields {

    private final String file;
    private final List<Problem> problems;

    public JsonFields(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    public void error(String pointer, String message) {
        problems.add(Problem.error(file, pointer, message));
    }

    public void warning(String pointer, String message) {
        problems.add(Problem.warning(file, pointer, message));
    }

    /** The object at the pointer, or null (with an error if present but not an object). */
    public ObjectNode object(JsonNode parent, String pointer, String field, boolean required) {
        JsonNode n = parent == null ? null : parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing (an object is required)");
            }
            return null;
        }
        if (!n.isObject()) {
            error(p, "expected an object, found " + kind(n));
            return null;
        }
        return (ObjectNode) n;
    }

    /** A string, or null (with an error if required and missing, or not a string). */
    public String string(JsonNode parent, String pointer, String field, boolean required) {
        JsonNode n = parent == null ? null : parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing (a string is required)");
            }
            return null;
        }
        if (!n.isTextual()) {
            error(p, "expected a string, found " + kind(n));
            return null;
        }
        if (required && n.asText().isBlank()) {
            error(p, "must not be empty");
        }
        return n.asText();
    }

    /** A whole number, or null (with an error if present but not a whole number, or below min). */
    public Long integer(JsonNode parent, String pointer, String field, boolean required, long min) {
        JsonNode n = parent == null ? null : parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing (a whole number is required)");
            }
            return null;
        }
        if (!n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            error(p, "expected a whole number, found " + kind(n));
            return null;
        }
        long v = n.asLong();
        if (v < min) {
            error(p, "must be at least " + min + ", was " + v);
        }
        return v;
    }

    /** A number, or null. */
    public Double number(JsonNode parent, String pointer, String field, boolean required) {
        JsonNode n = parent == null ? null : parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing (a number is required)");
            }
            return null;
        }
        if (!n.isNumber()) {
            error(p, "expected a number, found " + kind(n));
            return null;
        }
        return n.asDouble();
    }

    public Boolean bool(JsonNode parent, String pointer, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            error(pointer + "/" + field, "expected true or false, found " + kind(n));
            return null;
        }
        return n.asBoolean();
    }

    /** Visits the array's elements with their pointers; an error if present but not an array. */
    public int array(JsonNode parent, String pointer, String field, boolean required, ElementVisitor visitor) {
        JsonNode n = parent == null ? null : parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing (a list is required)");
            }
            return 0;
        }
        if (!n.isArray()) {
            error(p, "expected a list, found " + kind(n));
            return 0;
        }
        for (int i = 0; i < n.size(); i++) {
            visitor.visit(n.get(i), p + "/" + i);
        }
        return n.size();
    }

    /** Strings of an array (non-strings are errors). */
    public List<String> strings(JsonNode parent, String pointer, String field) {
        List<String> out = new ArrayList<>();
        array(parent, pointer, field, false, (e, p) -> {
            if (e.isTextual()) {
                out.add(e.asText());
            } else {
                error(p, "expected a string, found " + kind(e));
            }
        });
        return out;
    }

    /** Visits an object's fields. */
    public void fields(ObjectNode node, Consumer<java.util.Map.Entry<String, JsonNode>> each) {
        if (node != null) {
            node.fields().forEachRemaining(each);
        }
    }

    /** The JSON type of a node in words, for messages. */
    public static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "a string (\"" + abbreviate(n.asText()) + "\")";
        }
        if (n.isIntegralNumber()) {
            return "a whole number (" + n.asText() + ")";
        }
        if (n.isNumber()) {
            return "a number (" + n.asText() + ")";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "\u2026" : s;
    }

    /** Escapes a field name for use in a JSON pointer (RFC 6901). */
    public static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** Visitor of array elements with their pointers. */
    @FunctionalInterface
    public interface ElementVisitor {
        void visit(JsonNode element, String pointer);
    }
}
