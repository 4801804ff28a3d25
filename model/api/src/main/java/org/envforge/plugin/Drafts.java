package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.envforge.action.Action;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** Small helpers for templates: conditions, checklist items, privileged facts, data files, typing. */
public final class Drafts {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Drafts() {
    }

    /** A condition on a probe with string arguments given as key, value, key, value... */
    public static Checker.Condition condition(String probe, String op, Object expected, String... args) {
        ObjectNode a = F.objectNode();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        return new Checker.Condition(probe, a, op, json(expected));
    }

    public static JsonNode json(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        return F.textNode(v.toString());
    }

    public static Checklist.Item item(String id, int points, String description, String evidence) {
        return new Checklist.Item(id, description, points, evidence);
    }

    public static Checklist.IntegrityItem integrity(String id, String description, String evidence) {
        return new Checklist.IntegrityItem(id, description, evidence);
    }

    /** A verified fact: its value was computed from the named source. */
    public static PrivilegedInfo.Item fact(String key, Object value, String source) {
        return new PrivilegedInfo.Item(key, json(value), json(value), source, PrivilegedInfo.Status.VERIFIED);
    }

    /** Tab-separated text with a header row; tabs and newlines in cells become spaces. */
    public static byte[] tsv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        for (List<Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object o : r) {
                cells.add(cell(o).replace('\t', ' ').replace('\n', ' '));
            }
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Comma-separated text with RFC 4180 quoting. */
    public static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(Drafts::quote).toList())).append('\n');
        for (List<Object> r : rows) {
            sb.append(String.join(",", r.stream().map(o -> quote(cell(o))).toList())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String cell(Object o) {
        if (o instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(o);
    }

    /** Types a line and presses Enter. */
    public static List<Action> typeLine(String text) {
        return List.of(new Action.TypeText(text), Action.Key.of("enter"));
    }

    /** A file-name-safe lower-case slug. */
    public static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
