package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/**
 * Reads the checker, the checklist and the privileged facts of a task reply: probes must exist in
 * the plugin, ops must be the probe checker's, completion points must add up to 100.
 */
final class SpecReader {

    private final SoftwarePlugin plugin;
    private final Problems p;

    SpecReader(SoftwarePlugin plugin, Problems problems) {
        this.plugin = plugin;
        this.p = problems;
    }

    Checker.Probes checker(ObjectNode o) {
        JsonNode c = o.path("checker");
        JsonNode list = c.isArray() ? c : c.path("conditions");
        List<Checker.Condition> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"checker\" must be {\"conditions\": [...]} with at least one condition");
            return new Checker.Probes(out);
        }
        int i = 0;
        for (JsonNode n : list) {
            String at = "checker.conditions[" + i++ + "]";
            if (!n.isObject()) {
                p.add(at + " must be an object");
                continue;
            }
            String probe = p.text((ObjectNode) n, "probe", true, at);
            if (probe != null && plugin.probe(probe).isEmpty()) {
                p.add(at + ": unknown probe \"" + probe + "\"; this app's probes are "
                        + DraftReader.probes(plugin).stream().map(Probe::id).toList());
            }
            JsonNode args = n.path("args");
            if (args.isMissingNode() || args.isNull()) {
                args = JsonReplies.JSON.createObjectNode();
            } else if (!args.isObject()) {
                p.add(at + ": \"args\" must be an object");
            }
            String op = p.text((ObjectNode) n, "op", true, at);
            JsonNode expected = n.get("expected");
            if (op != null) {
                checkOp(at, op, expected);
            }
            out.add(new Checker.Condition(probe, args, op, expected == null ? JsonReplies.JSON.nullNode() : expected));
        }
        return new Checker.Probes(out);
    }

    private void checkOp(String at, String op, JsonNode expected) {
        if (!DraftSchema.OPS.contains(op)) {
            p.add(at + ": unknown op \"" + op + "\"; use one of " + DraftSchema.OPS);
            return;
        }
        if (DraftSchema.UNARY_OPS.contains(op)) {
            return;
        }
        if (expected == null || expected.isNull() || expected.isContainerNode()) {
            p.add(at + ": op " + op + " needs an \"expected\" string or number");
        } else if (op.equals("equals_number") && !expected.isNumber() && !isNumber(expected.asText())) {
            p.add(at + ": op equals_number needs a number as \"expected\", was " + expected);
        } else if (op.equals("matches")) {
            try {
                Pattern.compile(expected.asText());
            } catch (PatternSyntaxException e) {
                p.add(at + ": \"expected\" is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.replace(",", "").strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    Checklist checklist(ObjectNode o) {
        JsonNode c = o.path("checklist");
        List<Checklist.Item> completion = new ArrayList<>();
        List<Checklist.IntegrityItem> integrity = new ArrayList<>();
        if (!c.isObject()) {
            p.add("\"checklist\" must be an object with \"completion\" and \"integrity\" lists");
            return new Checklist(completion, integrity, "");
        }
        JsonNode comp = c.path("completion");
        if (!comp.isArray() || comp.isEmpty()) {
            p.add("checklist.completion must be a non-empty list");
        } else {
            int i = 0;
            for (JsonNode n : comp) {
                String at = "checklist.completion[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                String id = p.text((ObjectNode) n, "id", true, at);
                String description = p.text((ObjectNode) n, "description", true, at);
                JsonNode pts = n.path("points");
                if (!pts.isNumber() || pts.asDouble() <= 0) {
                    p.add(at + ": \"points\" must be a positive number");
                }
                completion.add(new Checklist.Item(id, description, pts.asDouble(), n.path("visual_evidence").asText("")));
            }
            double total = completion.stream().mapToDouble(Checklist.Item::points).sum();
            if (Math.abs(total - 100) > 1e-6) {
                p.add("checklist.completion points add up to " + format(total) + ", not 100");
            }
        }
        JsonNode integ = c.path("integrity");
        if (!integ.isArray() || integ.isEmpty()) {
            p.add("checklist.integrity must be a non-empty list");
        } else {
            int i = 0;
            for (JsonNode n : integ) {
                String at = "checklist.integrity[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                integrity.add(new Checklist.IntegrityItem(p.text((ObjectNode) n, "id", true, at),
                        p.text((ObjectNode) n, "description", true, at), n.path("visual_evidence").asText("")));
            }
        }
        return new Checklist(completion, integrity, c.path("note").asText(""));
    }

    PrivilegedInfo privilegedInfo(ObjectNode o, Checklist checklist) {
        JsonNode list = o.path("privileged_info");
        List<PrivilegedInfo.Item> items = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            p.add("\"privileged_info\" must be a non-empty list of {key, value, source}");
        } else {
            int i = 0;
            for (JsonNode n : list) {
                String at = "privileged_info[" + i++ + "]";
                if (!n.isObject()) {
                    p.add(at + " must be an object");
                    continue;
                }
                String key = p.text((ObjectNode) n, "key", true, at);
                JsonNode value = n.get("value");
                if (value == null || value.isNull()) {
                    p.add(at + ": \"value\" is missing");
                }
                String source = p.text((ObjectNode) n, "source", true, at);
                // The model's claims; the audit (probes read after the oracle) is what checks them.
                items.add(new PrivilegedInfo.Item(key, value, null, source, PrivilegedInfo.Status.UNVERIFIED));
            }
        }
        return new PrivilegedInfo(items, checklist.privilegedInfo(), "medium", null);
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
