package org.envforge.plugins.gnumeric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.envforge.plugin.Probe;
import org.envforge.runtime.Session;

/**
 * The formula of one cell of a saved workbook as Gnumeric renders it for that cell (shared and
 * filled formulas included), such as =sum(C2:C9); empty when the cell holds a constant or nothing.
 */
final class CellFormulaProbe implements Probe {

    @Override
    public String id() {
        return "cell_formula";
    }

    @Override
    public String describe() {
        return "the formula of a cell of a saved spreadsheet, empty for constants (args: file, cell such as B12, optional sheet)";
    }

    @Override
    public String read(Session session, JsonNode args) {
        return Ssconvert.output(session.exec(Ssconvert.formula(CellArgs.of(args))).stdout());
    }

    @Override
    public Optional<List<String>> commandLine(JsonNode args) {
        return Optional.of(Ssconvert.formula(CellArgs.of(args)));
    }
}
