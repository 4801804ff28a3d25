package org.envforge.agent;

import java.util.List;

/** An auditor's verdicts for one task: it passes when no item fails (partial items are warnings). */
public record TaskAudit(String task, List<ItemVerdict> items) {

    public TaskAudit {
        items = List.copyOf(items);
    }

    public AuditVerdict overall() {
        if (items.stream().anyMatch(i -> i.verdict() == AuditVerdict.FAIL)) {
            return AuditVerdict.FAIL;
        }
        return items.stream().anyMatch(i -> i.verdict() == AuditVerdict.PARTIAL) ? AuditVerdict.PARTIAL : AuditVerdict.PASS;
    }

    public boolean passed() {
        return overall() != AuditVerdict.FAIL;
    }

    public List<ItemVerdict> failures() {
        return items.stream().filter(i -> i.verdict() == AuditVerdict.FAIL).toList();
    }
}
