package org.envforge.agent;

import java.util.List;
import java.util.function.Function;
import org.envforge.plugin.TaskDraft;

/**
 * What an auditor sees: the tasks' artefacts (instruction, checker, checklist, privileged facts,
 * oracle, provenance) and the evidence of running them; never the creator's notes.
 *
 * @param app the app's display name
 * @param blobs reads a blob (a screenshot) by SHA-256
 */
public record AuditInput(String plugin, String app, List<TaskUnderAudit> tasks, Function<String, byte[]> blobs) {

    public AuditInput {
        tasks = List.copyOf(tasks);
    }

    /** One task and its evidence. */
    public record TaskUnderAudit(TaskDraft task, TaskEvidence evidence) {
    }
}
