package org.envforge.agent;

import java.util.List;

/** An auditor's verdicts for one task: it passes when no item fails (partial items are warnings). */
public record TaskAudit(String task, List<ItemVerdict> items) {

    public TaskAudit {
        items = List.copyOf(items);
    }

    public Verdict overall() {
        if (items.stream().anyMatch(i -> i.verdict() == Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        return items.stream().anyMatch(i -> i.verdict() == Verdict.PARTIAL) ? Verdict.PARTIAL : Verdict.PASS;
    }

    public boolean passed() {
        return overall() != Verdict.FAIL;
    }

    public List<ItemVerdict> failures() {
        return items.stream().filter(i -> i.verdict() == Verdict.FAIL).toList();
    }
}
