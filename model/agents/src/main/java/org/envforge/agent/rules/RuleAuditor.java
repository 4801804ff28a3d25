package org.envforge.agent.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.envforge.action.Action;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditInput;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Auditor;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.Checker;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.verify.Ocr;

/**
 * The embedded auditor: answers the audit checklist from the evidence with rules, the probes and
 * OCR. It reads only the artefacts and the evidence, never the creator's notes.
 */
public final class RuleAuditor implements Auditor {

    /** Words that make an instruction vague. */
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(somewhere|sort out|whatever|as (?:you see fit|appropriate)|the relevant|something|etc\\.?|and so on|"
                    + "fix things|make it right|tidy it up)\\b", Pattern.CASE_INSENSITIVE);
    /** Phrases that dictate keystrokes. */
    private static final Pattern KEYSTROKES = Pattern.compile(
            "\\b(press|hit|type)\\s+(ctrl|alt|shift|enter|return|the key|f\\d+)\\b|\\b(ctrl|alt)\\s*\\+\\s*\\w|keyboard shortcut",
            Pattern.CASE_INSENSITIVE);
    /**
     * Signs that typed text is a command, formula or query rather than data: a formula, a shell
     * command or redirection, an SQL statement.
     */
    private static final Pattern CODE = Pattern.compile(
            "^\\s*=\\s*[A-Za-z(]|&&|\\$\\(|>\\s*~/|^\\s*(awk|sed|grep|sort|mkdir|mv|cp|cut|wc|echo|cat|tail|head|find)\\b|"
                    + "\\b(SELECT\\s.+\\sFROM|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|CREATE\\s+(VIEW|TABLE|INDEX))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CELL = Pattern.compile("^[A-Z]{1,3}[0-9]{1,7}$");

    @Override
    public String id() {
        return "rules";
    }

    @Override
    public AuditReport audit(AuditInput input) {
        List<TaskAudit> tasks = new ArrayList<>();
        for (AuditInput.TaskUnderAudit t : input.tasks()) {
            tasks.add(audit(t.task(), t.evidence()));
        }
        return new AuditReport(id(), tasks);
    }

    TaskAudit audit(TaskDraft task, TaskEvidence ev) {
        List<ItemVerdict> items = new ArrayList<>();
        items.add(setup(ev));
        items.add(ready(task, ev));
        items.add(dataVisible(task, ev));
        items.add(notSolved(ev));
        items.add(oracle(ev));
        items.add(groundTruth(task, ev));
        items.add(specific(task));
        items.add(noLeak(task));
        items.add(provenance(task));
        return new TaskAudit(task.name(), items);
    }

    private static ItemVerdict v(AuditChecklist.Item item, AuditVerdict verdict, String reason, String... evidence) {
        List<String> refs = new ArrayList<>();
        for (String e : evidence) {
            if (e != null) {
                refs.add(e);
            }
        }
        return new ItemVerdict(item.id(), item.question(), verdict, reason, refs);
    }

    private static ItemVerdict setup(TaskEvidence ev) {
        return ev.setupOk() ? v(AuditChecklist.SETUP, AuditVerdict.PASS, "setup ran and the app started")
                : v(AuditChecklist.SETUP, AuditVerdict.FAIL, "setup failed: " + ev.setupError(), ev.startShot());
    }

    private static ItemVerdict ready(TaskDraft task, TaskEvidence ev) {
        if (!ev.setupOk()) {
            return v(AuditChecklist.READY, AuditVerdict.FAIL, "no start state: setup failed", ev.startShot());
        }
        if (ev.windowsAtStart().isEmpty()) {
            return v(AuditChecklist.READY, AuditVerdict.FAIL, "the start screenshot shows no window: the app was not ready when the task "
                    + "began (no wait for its window?)", ev.startShot());
        }
        if (task.windowTitle() == null || task.windowTitle().isBlank()) {
            return v(AuditChecklist.READY, AuditVerdict.PARTIAL, "a window is shown, but the task does not say which window means ready",
                    ev.startShot());
        }
        if (ev.startWindow() == null || !titleMatches(task.windowTitle(), ev.startWindow().title())) {
            return v(AuditChecklist.READY, AuditVerdict.FAIL, "no window titled like \"" + task.windowTitle() + "\" at the start (windows: "
                    + ev.windowsAtStart().stream().map(w -> w.title()).toList() + ")", ev.startShot());
        }
        return v(AuditChecklist.READY, AuditVerdict.PASS, "the window \"" + ev.startWindow().title() + "\" is shown at the start",
                ev.startShot());
    }

    private static ItemVerdict dataVisible(TaskDraft task, TaskEvidence ev) {
        if (!ev.setupOk() || ev.startWindow() == null) {
            return v(AuditChecklist.DATA_VISIBLE, AuditVerdict.FAIL, "no app window to read", ev.startShot());
        }
        JsonNode visible = task.metadata().get("visible_at_start");
        if (ev.ocrText() == null || ev.ocrText().isBlank()) {
            return v(AuditChecklist.DATA_VISIBLE, AuditVerdict.PARTIAL, "no OCR text (tesseract missing or nothing readable)",
                    ev.startShot());
        }
        if (visible != null && visible.isArray() && visible.size() > 0) {
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            visible.forEach(n -> (Ocr.fuzzyContains(ev.ocrText(), n.asText()) ? found : missing).add(n.asText()));
            if (found.size() * 2 >= visible.size()) {
                return v(AuditChecklist.DATA_VISIBLE, AuditVerdict.PASS, "OCR finds " + found.size() + " of " + visible.size()
                        + " key values on the start screen" + (missing.isEmpty() ? "" : " (not found: " + missing + ")"), ev.startShot());
            }
            return v(AuditChecklist.DATA_VISIBLE, AuditVerdict.PARTIAL, "OCR finds only " + found.size() + " of " + visible.size()
                    + " key values (missing " + missing + ")", ev.startShot());
        }
        long letters = ev.ocrText().chars().filter(Character::isLetterOrDigit).count();
        return letters >= 10 ? v(AuditChecklist.DATA_VISIBLE, AuditVerdict.PASS, "the app window shows readable text", ev.startShot())
                : v(AuditChecklist.DATA_VISIBLE, AuditVerdict.PARTIAL, "little readable text in the app window", ev.startShot());
    }

    private static ItemVerdict notSolved(TaskEvidence ev) {
        if (ev.atStart() == null) {
            return v(AuditChecklist.NOT_SOLVED, AuditVerdict.FAIL, "the checker did not run on the start state");
        }
        return ev.atStart().passed()
                ? v(AuditChecklist.NOT_SOLVED, AuditVerdict.FAIL, "the checker already passes on the start state: doing nothing would be "
                        + "rewarded (" + ev.atStart().summary() + ")", ev.startShot())
                : v(AuditChecklist.NOT_SOLVED, AuditVerdict.PASS, "the checker fails at the start: " + ev.atStart().summary(),
                        ev.startShot());
    }

    private static ItemVerdict oracle(TaskEvidence ev) {
        if (ev.atEnd() == null) {
            return v(AuditChecklist.ORACLE, AuditVerdict.FAIL, "the oracle did not run" + (ev.setupOk() ? "" : " (setup failed)"));
        }
        if (ev.atEnd().passed()) {
            return v(AuditChecklist.ORACLE, AuditVerdict.PASS, "the checker passes after the oracle", ev.endShot());
        }
        return v(AuditChecklist.ORACLE, AuditVerdict.FAIL, "the checker still fails after the oracle: " + ev.atEnd().summary()
                + (ev.oracleError() == null ? "" : "; " + ev.oracleError()), ev.endShot());
    }

    private static ItemVerdict groundTruth(TaskDraft task, TaskEvidence ev) {
        List<Checker.Condition> conditions = task.checker().conditions();
        if (conditions.isEmpty()) {
            return v(AuditChecklist.GROUND_TRUTH, AuditVerdict.FAIL, "the checker has no conditions");
        }
        Set<String> documented = documentedValues(task);
        String instruction = squash(task.instruction() == null ? "" : task.instruction());
        int grounded = 0;
        List<String> loose = new ArrayList<>();
        for (Checker.Condition c : conditions) {
            if (structural(c) || grounded(text(c.expected()), documented, instruction)) {
                grounded++;
            } else {
                loose.add(c.probe() + " " + c.op() + " " + abbreviate(text(c.expected())));
            }
        }
        if (grounded == 0) {
            return v(AuditChecklist.GROUND_TRUTH, AuditVerdict.FAIL, "no checker condition is backed by a verified privileged fact "
                    + "(checker expects " + loose + ")");
        }
        if (ev.atEnd() != null && !ev.atEnd().passed()) {
            return v(AuditChecklist.GROUND_TRUTH, AuditVerdict.FAIL, "after the oracle the probes read "
                    + ev.probesAtEnd().stream().map(r -> r.probe() + "=\"" + abbreviate(r.value().strip()) + "\"").toList()
                    + ", not the documented values");
        }
        if (!loose.isEmpty()) {
            return v(AuditChecklist.GROUND_TRUTH, AuditVerdict.PARTIAL, grounded + " of " + conditions.size()
                    + " conditions are backed by privileged facts; not: " + loose);
        }
        return v(AuditChecklist.GROUND_TRUTH, AuditVerdict.PASS, "every checker condition is backed by a verified fact and the probes "
                + "read it after the oracle");
    }

    /**
     * A value is backed when it, or one of its parts (a probe may return several columns or lines:
     * the key value beside invariants such as row counts), is a documented fact or is given in the
     * instruction.
     */
    private static boolean grounded(String expected, Set<String> documented, String instruction) {
        if (documented.contains(norm(expected))) {
            return true;
        }
        for (String part : expected.split("[|\\t\\n]+")) {
            String n = norm(part);
            if (!n.isEmpty() && (documented.contains(n) || n.length() >= 4 && instruction.contains(squash(part)))) {
                return true;
            }
        }
        return false;
    }

    /** Conditions that check a structure rather than a value (a formula is present, a file exists). */
    private static boolean structural(Checker.Condition c) {
        String e = text(c.expected());
        return switch (c.op()) {
            case "exists", "not_exists", "matches" -> true;
            case "contains", "not_contains" -> e.length() <= 2;
            default -> false;
        };
    }

    private static Set<String> documentedValues(TaskDraft task) {
        Set<String> out = new LinkedHashSet<>();
        PrivilegedInfo pi = task.privilegedInfo();
        if (pi != null) {
            for (PrivilegedInfo.Item i : pi.items()) {
                if (i.status() == PrivilegedInfo.Status.VERIFIED) {
                    out.add(norm(text(i.verifiedValue())));
                    out.add(norm(text(i.value())));
                }
            }
        }
        task.metadata().values().forEach(n -> out.add(norm(text(n))));
        return out;
    }

    private static ItemVerdict specific(TaskDraft task) {
        String ins = task.instruction() == null ? "" : task.instruction();
        if (ins.strip().length() < 50) {
            return v(AuditChecklist.SPECIFIC, AuditVerdict.FAIL, "the instruction is too short to say what is wanted ("
                    + ins.strip().length() + " characters)");
        }
        var vague = VAGUE.matcher(ins);
        List<String> targets = targets(task);
        String lower = ins.toLowerCase(Locale.ROOT);
        List<String> named = targets.stream().filter(t -> lower.contains(t.toLowerCase(Locale.ROOT))).toList();
        if (named.isEmpty()) {
            return v(AuditChecklist.SPECIFIC, AuditVerdict.FAIL, "the instruction names none of the places the checker looks at "
                    + targets + (vague.find() ? "; it is vague (\"" + vague.group() + "\")" : ""));
        }
        if (vague.find()) {
            return v(AuditChecklist.SPECIFIC, AuditVerdict.PARTIAL, "the instruction names " + named + " but has vague wording (\""
                    + vague.group() + "\")");
        }
        return v(AuditChecklist.SPECIFIC, AuditVerdict.PASS, "the instruction names where the result goes: " + named);
    }

    /** What the checker looks at, as a person would name it: file names, cells, tables, views. */
    static List<String> targets(TaskDraft task) {
        Set<String> out = new LinkedHashSet<>();
        for (Checker.Condition c : task.checker().conditions()) {
            c.args().fields().forEachRemaining(e -> {
                String val = e.getValue().asText();
                switch (e.getKey()) {
                    case "path", "file", "db" -> {
                        String base = val.substring(val.lastIndexOf('/') + 1);
                        if (!base.isBlank()) {
                            out.add(base);
                        }
                    }
                    case "cell" -> out.add(val);
                    case "query", "command" -> {
                        var m = Pattern.compile("(?:FROM|INTO|UPDATE|VIEW|TABLE|~/|cd ~/)\\s*([A-Za-z_][A-Za-z0-9_./-]*)",
                                Pattern.CASE_INSENSITIVE).matcher(val);
                        while (m.find()) {
                            String t = m.group(1);
                            out.add(t.contains("/") ? t.substring(t.lastIndexOf('/') + 1) : t);
                        }
                    }
                    default -> {
                        if (CELL.matcher(val).matches()) {
                            out.add(val);
                        }
                    }
                }
            });
        }
        out.removeIf(String::isBlank);
        return new ArrayList<>(out);
    }

    private static ItemVerdict noLeak(TaskDraft task) {
        String ins = task.instruction() == null ? "" : task.instruction();
        var keys = KEYSTROKES.matcher(ins);
        if (keys.find()) {
            return v(AuditChecklist.NO_LEAK, AuditVerdict.FAIL, "the instruction dictates keystrokes (\"" + keys.group() + "\")");
        }
        String flat = squash(ins);
        for (Action a : task.oracle()) {
            if (a instanceof Action.TypeText t) {
                String typed = squash(t.text());
                if (typed.length() >= 12 && CODE.matcher(t.text()).find() && flat.contains(typed)) {
                    return v(AuditChecklist.NO_LEAK, AuditVerdict.FAIL, "the instruction contains the oracle's own input \""
                            + abbreviate(t.text().strip()) + "\": it gives the solution away");
                }
            }
        }
        return v(AuditChecklist.NO_LEAK, AuditVerdict.PASS, "the instruction says what to achieve, not how");
    }

    private static ItemVerdict provenance(TaskDraft task) {
        if (task.provenance() == null || task.provenance().isBlank()) {
            return v(AuditChecklist.PROVENANCE, AuditVerdict.FAIL, "no data provenance recorded");
        }
        PrivilegedInfo pi = task.privilegedInfo();
        if (pi == null || pi.items().isEmpty() || pi.items().stream().anyMatch(i -> i.source() == null || i.source().isBlank())) {
            return v(AuditChecklist.PROVENANCE, AuditVerdict.PARTIAL, "provenance is \"" + abbreviate(task.provenance())
                    + "\" but some privileged facts have no source");
        }
        return v(AuditChecklist.PROVENANCE, AuditVerdict.PASS, "data from " + abbreviate(task.provenance()));
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String norm(String s) {
        String t = s.strip();
        try {
            double d = Double.parseDouble(t.replace(",", "").replace("$", ""));
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        } catch (NumberFormatException e) {
            return squash(t);
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 70 ? one.substring(0, 69) + "\u2026" : one;
    }

    /** Whether a window title matches the task's pattern (a pattern that is invalid or too slow does not). */
    private static boolean titleMatches(String pattern, String title) {
        return org.envforge.text.Regexes.untrusted(pattern, 0).find(title);
    }
}
