package org.envforge.spec;

import java.util.Optional;

/** Which tasks a list shows; empty fields match everything. */
public record TaskFilter(Optional<TaskStatus> status, Optional<String> software, Optional<String> difficulty,
        Optional<String> source, Optional<String> envId, Optional<String> text) {

    public static TaskFilter all() {
        return new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public TaskFilter withStatus(TaskStatus s) {
        return new TaskFilter(Optional.ofNullable(s), software, difficulty, source, envId, text);
    }

    public TaskFilter withSoftware(String s) {
        return new TaskFilter(status, Optional.ofNullable(s), difficulty, source, envId, text);
    }

    public TaskFilter withDifficulty(String d) {
        return new TaskFilter(status, software, Optional.ofNullable(d), source, envId, text);
    }

    public TaskFilter withSource(String s) {
        return new TaskFilter(status, software, difficulty, Optional.ofNullable(s), envId, text);
    }

    public TaskFilter withEnvId(String e) {
        return new TaskFilter(status, software, difficulty, source, Optional.ofNullable(e), text);
    }

    public TaskFilter withText(String t) {
        return new TaskFilter(status, software, difficulty, source, envId, Optional.ofNullable(t).filter(x -> !x.isBlank()));
    }
}
