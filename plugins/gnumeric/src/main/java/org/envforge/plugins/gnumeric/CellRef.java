package org.envforge.plugins.gnumeric;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single cell address in A1 notation, such as B12 or $AA$3 (dollar signs are accepted and
 * dropped). Columns and rows are zero-based inside, as in Gnumeric's file format.
 *
 * @param col the column, 0 for A
 * @param row the row, 0 for row 1
 */
public record CellRef(int col, int row) {

    /** Gnumeric's largest sheet: 16384 columns (XFD) by 16777216 rows. */
    static final int MAX_COLS = 16_384;
    static final int MAX_ROWS = 16_777_216;

    private static final Pattern A1 = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,8})");

    public CellRef {
        if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) {
            throw new IllegalArgumentException("cell out of range: column " + col + ", row " + row);
        }
    }

    /** Parses an A1 address; fails on anything else (ranges, sheet names, R1C1). */
    public static CellRef parse(String a1) {
        Matcher m = A1.matcher(a1 == null ? "" : a1.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a cell address like B12: \"" + a1 + "\"");
        }
        int row = Integer.parseInt(m.group(2));
        if (row < 1) {
            throw new IllegalArgumentException("rows start at 1: \"" + a1 + "\"");
        }
        return new CellRef(columnIndex(m.group(1)), row - 1);
    }

    /** The cell at a one-based row of a column given by its letters (as "C", 5 for C5). */
    public static CellRef of(String column, int row1) {
        return new CellRef(columnIndex(column), row1 - 1);
    }

    /** The zero-based index of column letters: A is 0, Z 25, AA 26. */
    static int columnIndex(String letters) {
        int n = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("not column letters: \"" + letters + "\"");
            }
            n = n * 26 + (c - 'A' + 1);
        }
        if (n == 0) {
            throw new IllegalArgumentException("empty column letters");
        }
        return n - 1;
    }

    /** The letters of a zero-based column index. */
    static String columnLetters(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.append((char) ('A' + (n - 1) % 26));
        }
        return sb.reverse().toString();
    }

    /** The one-based row number, as shown in the sheet. */
    public int rowNumber() {
        return row + 1;
    }

    /** The column letters. */
    public String column() {
        return columnLetters(col);
    }

    /** The address in A1 notation, without dollar signs. */
    public String a1() {
        return column() + rowNumber();
    }

    @Override
    public String toString() {
        return a1();
    }
}
