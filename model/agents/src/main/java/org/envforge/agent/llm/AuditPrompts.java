package org.envforge.agent.llm;

import java.util.List;
import org.envforge.action.GymAnythingActions;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.TaskEvidence;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.text.Clip;
import org.envforge.verify.CheckResult;

/**
 * The VLM auditor's prompts: the audit items, the task's artefacts and the evidence of running it,
 * as text (the screenshots go along as images). Built from the audit input alone, so the creator's
 * notes can never be in them. What the sandbox showed (errors, OCR, probe readings, window titles)
 * is clipped ({@link Clip}), keeping the end of an error where the cause usually is.
 */
final class AuditPrompts {

    static final int MAX_TEXT = 1500;
    static final int MAX_ORACLE = 40;

    private AuditPrompts() {
    }

    static String system() {
        StringBuilder sb = new StringBuilder("You audit tasks made for training computer-use agents. A task was run in a sandbox: "
                + "its setup, its app, its checker before and after the oracle (a scripted solution through the GUI). Judge each "
                + "audit item from the evidence given only (text and screenshots); when the evidence does not show an item, say "
                + "partial and why.\nThe audit items:\n");
        for (AuditChecklist.Item i : AuditChecklist.ALL) {
            sb.append("- ").append(i.id()).append(": ").append(i.question()).append('\n');
        }
        return sb.append("""
                Reply with ONE JSON object and nothing else:
                {"items": [{"id": "<item id>", "verdict": "pass" | "partial" | "fail", "reason": "what in the evidence shows it",
                  "confidence": 0.0 to 1.0}]}
                with one entry per item id above.""").toString();
    }

    /** The request for one task; {@code images} names the attached screenshots in order. */
    static String user(String app, TaskDraft t, TaskEvidence e, List<String> images) {
        StringBuilder sb = new StringBuilder("App: ").append(app).append("\nTask: ").append(t.name()).append("\n\n");
        sb.append("Instruction given to the agent:\n").append(t.instruction()).append("\n\n");
        checker(sb, t.checker());
        facts(sb, t.privilegedInfo());
        checklist(sb, t.checklist());
        sb.append("Oracle (Gym-Anything actions): ").append(Clip.text(GymAnythingActions.toJson(
                t.oracle().subList(0, Math.min(MAX_ORACLE, t.oracle().size()))).toString(), 3000))
                .append(t.oracle().size() > MAX_ORACLE ? " ... (" + t.oracle().size() + " actions in all)" : "").append('\n');
        sb.append("Provenance of the data: ").append(blankAsNone(t.provenance())).append("\n\n");
        evidence(sb, e);
        sb.append(images.isEmpty() ? "No screenshots are attached.\n"
                : "Attached images, in order: " + String.join("; ", images) + ".\n");
        return sb.append("\nAnswer every audit item as JSON.").toString();
    }

    private static void checker(StringBuilder sb, Checker.Probes c) {
        sb.append("Checker conditions (all must hold):\n");
        if (c == null || c.conditions().isEmpty()) {
            sb.append("(none)\n");
        } else {
            c.conditions().forEach(x -> sb.append("- ").append(condition(x)).append('\n'));
        }
        sb.append('\n');
    }

    private static String condition(Checker.Condition c) {
        return "probe " + c.probe() + " " + (c.args() == null ? "{}" : c.args()) + " " + c.op()
                + (c.expected() == null || c.expected().isNull() ? "" : " " + c.expected());
    }

    private static void facts(StringBuilder sb, PrivilegedInfo pi) {
        sb.append("Privileged facts (ground truth the checker relies on):\n");
        if (pi == null || pi.items().isEmpty()) {
            sb.append("(none)\n");
        } else {
            for (PrivilegedInfo.Item i : pi.items()) {
                sb.append("- ").append(i.key()).append(" = ").append(i.value()).append(" (source: ").append(blankAsNone(i.source()))
                        .append("; ").append(i.status() == null ? "status unknown" : i.status().name().toLowerCase(java.util.Locale.ROOT))
                        .append(")\n");
            }
        }
        sb.append('\n');
    }

    private static void checklist(StringBuilder sb, Checklist c) {
        if (c == null) {
            return;
        }
        sb.append("Task checklist:\n");
        c.completion().forEach(i -> sb.append("- ").append(i.id()).append(" (").append(i.points()).append(" points): ")
                .append(i.description()).append('\n'));
        c.integrity().forEach(i -> sb.append("- integrity ").append(i.id()).append(": ").append(i.description()).append('\n'));
        sb.append('\n');
    }

    private static void evidence(StringBuilder sb, TaskEvidence e) {
        sb.append("Evidence from the sandbox run:\n");
        sb.append("- Setup: ").append(e.setupOk() ? "ran, the app started" : "FAILED: " + Clip.text(e.setupError(), MAX_TEXT))
                .append('\n');
        sb.append("- Windows at the start: ").append(e.windowsAtStart().isEmpty() ? "none"
                : String.join("; ", e.windowsAtStart().stream().map(AuditPrompts::window).toList())).append('\n');
        sb.append("- The app's window at the start: ").append(e.startWindow() == null ? "none found" : window(e.startWindow()))
                .append('\n');
        sb.append("- Text read from the start screenshot (OCR): ").append(e.ocrText() == null || e.ocrText().isBlank() ? "(none)"
                : "\"" + Clip.text(e.ocrText(), MAX_TEXT) + "\"").append('\n');
        readings(sb, "Probes at the start", e.probesAtStart());
        readings(sb, "Probes after the oracle", e.probesAtEnd());
        sb.append("- Checker at the start: ").append(check(e.atStart())).append('\n');
        sb.append("- Checker after the oracle: ").append(check(e.atEnd())).append('\n');
        sb.append("- Oracle: ").append(e.oracleError() == null ? "finished" : "FAILED: " + Clip.text(e.oracleError(), MAX_TEXT))
                .append('\n');
    }

    private static void readings(StringBuilder sb, String label, List<TaskEvidence.ProbeReading> list) {
        sb.append("- ").append(label).append(':');
        if (list.isEmpty()) {
            sb.append(" (none)\n");
            return;
        }
        sb.append('\n');
        list.forEach(r -> sb.append("  - ").append(r.probe()).append(' ').append(r.args() == null ? "" : r.args()).append(" = \"")
                .append(Clip.text(r.value(), 400)).append("\"\n"));
    }

    private static String check(CheckResult r) {
        if (r == null) {
            return "not run";
        }
        StringBuilder sb = new StringBuilder(r.passed() ? "PASSED" : "FAILED").append(" (").append(Clip.text(r.summary(), MAX_TEXT))
                .append(')');
        for (CheckResult.ConditionResult c : r.conditions()) {
            sb.append("\n  - ").append(condition(c.condition())).append(": read \"").append(Clip.text(c.actual(), 300)).append("\" -> ")
                    .append(c.passed() ? "holds" : "does not hold");
        }
        return sb.toString();
    }

    private static String window(WindowInfo w) {
        return "\"" + Clip.line(w.title(), 200) + "\" (" + Clip.line(w.appClass(), 100) + ") at " + w.x() + "," + w.y() + " size "
                + w.width() + "x" + w.height();
    }

    private static String blankAsNone(String s) {
        return s == null || s.isBlank() ? "(none recorded)" : s;
    }
}
