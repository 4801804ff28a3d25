package org.envforge.service;

import java.time.Duration;
import java.util.List;
import org.envforge.spec.Problem;

/**
 * What an import (or a validation) did.
 *
 * @param runKey the import run in the store, or 0 for a validation
 * @param problems the problems found, each with its file and JSON pointer (the first
 *     {@value EnvironmentImport#REPORT_PROBLEMS_MAX}; {@code problemCount} counts all)
 */
public record ImportReport(long runKey, int environments, int tasksStored, int tasksFailed, int warnings, int errors,
        List<Problem> problems, int problemCount, Duration elapsed) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
