package org.envforge.agent;

import java.util.List;
import java.util.Optional;

/** An auditor's report on an environment: one audit per task; the environment passes when every task does. */
public record AuditReport(String auditor, List<TaskAudit> tasks) {

    public AuditReport {
        tasks = List.copyOf(tasks);
    }

    public boolean passed() {
        return !tasks.isEmpty() && tasks.stream().allMatch(TaskAudit::passed);
    }

    public Optional<TaskAudit> task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst();
    }
}
