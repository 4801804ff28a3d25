package org.envforge.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A task as stored: its documents, files, problems found at import and status history. */
public record StoredTask(TaskSummary summary, Map<String, ObjectNode> documents, List<SpecFile> files,
        List<Problem> problems, List<StatusChange> history) {

    public StoredTask {
        documents = Map.copyOf(documents);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        history = List.copyOf(history);
    }
}
