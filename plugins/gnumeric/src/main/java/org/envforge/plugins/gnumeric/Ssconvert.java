package org.envforge.plugins.gnumeric;

import java.util.List;

/**
 * Command lines that read one cell of a saved workbook with ssconvert, Gnumeric's own converter,
 * so the probes see exactly what Gnumeric loads. Each command exports a single cell as raw text
 * (no number formatting, no quoting) into a private temporary file and prints it; it prints
 * nothing when the workbook or the sheet cannot be read.
 */
final class Ssconvert {

    /** Runs ssconvert on the workbook "$1" with the given options, writing the exported cell as raw text into a file of $t. */
    private static final String EXPORT = "ssconvert --recalc -T Gnumeric_stf:stf_assistant -O 'quoting-mode=never format=raw' %s"
            + " \"$1\" \"$t/%s.txt\" >/dev/null 2>&1";

    /** Makes a private temporary folder $t, runs the commands and removes $t, keeping their exit status. */
    private static final String SCRIPT = "t=$(mktemp -d) || exit 1; %s; s=$?; rm -rf \"$t\"; exit $s";

    /** The value: the cell "$2" itself is exported. */
    private static final String VALUE = String.format(SCRIPT,
            String.format(EXPORT, "--export-range=\"$2\"", "value") + " && cat \"$t/value.txt\"");

    /**
     * The formula: a scratch cell "$3" of the shown sheet gets =GET.FORMULA("$2") and is exported
     * (ssconvert's --set always writes on the shown sheet, whatever sheet the address names). The
     * cell is exported first, so that a missing sheet prints nothing rather than the text of a
     * formula Gnumeric could not parse.
     */
    private static final String FORMULA = String.format(SCRIPT,
            String.format(EXPORT, "--export-range=\"$2\"", "value") + " && "
                    + String.format(EXPORT, "--set \"$3==GET.FORMULA($2)\" --export-range=\"$3\"", "formula")
                    + " && cat \"$t/formula.txt\"");

    /** The bottom-right cell of Gnumeric's smallest sheet (256 x 65536), far from any data. */
    private static final CellRef SCRATCH = CellRef.parse("IV65536");
    private static final CellRef SCRATCH_ALT = CellRef.parse("IU65536");

    private Ssconvert() {
    }

    /** Prints the cell's value as raw text. */
    static List<String> value(CellArgs a) {
        return List.of("bash", "-c", VALUE, "cell", a.file(), a.qualified());
    }

    /** Prints the cell's formula such as =SUM(C2:C9), or an empty line when it holds no formula. */
    static List<String> formula(CellArgs a) {
        CellRef scratch = a.cell().equals(SCRATCH) ? SCRATCH_ALT : SCRATCH;
        return List.of("bash", "-c", FORMULA, "cell_formula", a.file(), a.qualified(), scratch.a1());
    }

    /** The printed text without the line break the export ends with. */
    static String output(String stdout) {
        if (stdout.endsWith("\r\n")) {
            return stdout.substring(0, stdout.length() - 2);
        }
        return stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
    }
}
