package org.envforge.plugins.gnumeric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.envforge.plugin.Probe;
import org.envforge.runtime.Session;

/**
 * The value of one cell of a saved workbook, recalculated by ssconvert: numbers unformatted (such
 * as 1234.5), text as is, empty when the cell, sheet or file is missing.
 */
final class CellValueProbe implements Probe {

    @Override
    public String id() {
        return "cell";
    }

    @Override
    public String describe() {
        return "the value of a cell of a saved spreadsheet, as raw text (args: file, cell such as B12, optional sheet)";
    }

    @Override
    public String read(Session session, JsonNode args) {
        return Ssconvert.output(session.exec(Ssconvert.value(CellArgs.of(args))).stdout());
    }

    @Override
    public Optional<List<String>> commandLine(JsonNode args) {
        return Optional.of(Ssconvert.value(CellArgs.of(args)));
    }
}
