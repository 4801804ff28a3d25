package org.envforge.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote and what it could not.
 *
 * @param skipped one line per task that the format cannot express, saying why
 */
public record ExportReport(Path folder, int tasksWritten, List<String> skipped) {

    public ExportReport {
        skipped = List.copyOf(skipped);
    }
}
