package org.envforge.plugins.gnumeric;

import java.util.List;
import org.envforge.plugin.Probe;

/** Probes on one cell of a saved workbook, read with ssconvert (args: file, cell such as B12, optional sheet). */
final class CellProbes {

    private CellProbes() {
    }

    /**
     * The value of one cell of a saved workbook, recalculated by ssconvert: numbers unformatted (such
     * as 1234.5), text as is, empty when the cell, sheet or file is missing.
     */
    static final Probe VALUE = Probe.command("cell",
            "the value of a cell of a saved spreadsheet, as raw text (args: file, cell such as B12, optional sheet)",
            args -> Ssconvert.value(CellArgs.of(args)), r -> Ssconvert.output(r.stdout()));

    /**
     * The formula of one cell of a saved workbook as Gnumeric renders it for that cell (shared and
     * filled formulas included), such as =sum(C2:C9); empty when the cell holds a constant or nothing.
     */
    static final Probe FORMULA = Probe.command("cell_formula",
            "the formula of a cell of a saved spreadsheet, empty for constants (args: file, cell such as B12, optional sheet)",
            args -> Ssconvert.formula(CellArgs.of(args)), r -> Ssconvert.output(r.stdout()));

    static final List<Probe> ALL = List.of(VALUE, FORMULA);
}
