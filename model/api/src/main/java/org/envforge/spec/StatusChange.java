package org.envforge.spec;

import java.time.Instant;

/** One entry of a task's status history: who moved it to which status, when and why. */
public record StatusChange(TaskStatus status, String actor, Instant at, String reason) {
}
