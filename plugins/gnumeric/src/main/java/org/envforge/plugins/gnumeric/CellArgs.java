package org.envforge.plugins.gnumeric;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The arguments of the cell probes: a workbook file in the sandbox, an optional sheet name and a
 * cell address.
 *
 * @param file the workbook, as an absolute path inside the sandbox
 * @param sheet the sheet name, or empty for the sheet that was shown when the file was saved
 * @param cell the cell
 */
record CellArgs(String file, String sheet, CellRef cell) {

    /** The sandbox home that "~/" and relative paths refer to. */
    static final String HOME = "/home/envforge";

    CellArgs {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a cell probe needs a file");
        }
        sheet = sheet == null ? "" : sheet;
    }

    /** Reads {"file": "~/book.gnumeric", "sheet": "Occupations", "cell": "B12"}. */
    static CellArgs of(JsonNode args) {
        return new CellArgs(absolute(args.path("file").asText("")), args.path("sheet").asText(""),
                CellRef.parse(args.path("cell").asText("")));
    }

    /** A path in the sandbox home: "~/x" and "x" become /home/envforge/x; absolute paths stay. */
    static String absolute(String path) {
        if (path.startsWith("~/")) {
            return HOME + "/" + path.substring(2);
        }
        return path.startsWith("/") || path.isEmpty() ? path : HOME + "/" + path;
    }

    /**
     * The cell as Gnumeric reads a range: B12, or 'Sheet name'!B12 with quotes and backslashes in
     * the name escaped by a backslash.
     */
    String qualified() {
        if (sheet.isEmpty()) {
            return cell.a1();
        }
        return "'" + sheet.replace("\\", "\\\\").replace("'", "\\'") + "'!" + cell.a1();
    }
}
