package org.envforge.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads delimited text tables (CSV with RFC 4180 quoting, or tab-separated without quoting) row
 * by row, keeping exact line numbers so every error can name its file and line. A header row is
 * required; {@link #requireColumns} checks the columns a caller needs.
 */
public final class TableReader implements Closeable {

    /** The two dialects the shipped tables use. */
    public enum Dialect {
        CSV(',', true),
        TSV('\t', false);

        final char delimiter;
        final boolean quoted;

        Dialect(char delimiter, boolean quoted) {
            this.delimiter = delimiter;
            this.quoted = quoted;
        }
    }

    private final BufferedReader in;
    private final String source;
    private final Dialect dialect;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private long lineNumber;

    public TableReader(BufferedReader in, String source, Dialect dialect) {
        this.in = in;
        this.source = source;
        this.dialect = dialect;
        Row first = readRow();
        if (first == null) {
            throw new BadInputException(source, 1, null, "the file is empty: expected a header row");
        }
        List<String> names = new ArrayList<>(first.values.size());
        for (String v : first.values) {
            String name = v.strip();
            if (names.isEmpty() && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1); // UTF-8 byte order mark
            }
            names.add(name);
        }
        this.header = List.copyOf(names);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    /** Fails naming the file, line 1 and the first missing column. */
    public void requireColumns(String... names) {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new BadInputException(source, 1, name, "missing column \"" + name + "\" (header has " + header.size()
                        + " columns: " + String.join(", ", header) + ")");
            }
        }
    }

    public List<String> header() {
        return header;
    }

    public String source() {
        return source;
    }

    /**
     * The next data row, or null at the end. Blank lines are skipped. A row with fewer fields than
     * the header is refused as truncated.
     */
    public Row next() {
        while (true) {
            Row row = readRow();
            if (row == null) {
                return null;
            }
            if (row.values.size() == 1 && row.values.get(0).isBlank()) {
                continue;
            }
            if (row.values.size() < header.size()) {
                throw new BadInputException(source, row.line, null, "expected " + header.size() + " fields, found "
                        + row.values.size() + " (truncated or malformed row)");
            }
            return row;
        }
    }

    private Row readRow() {
        try {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            long start = lineNumber;
            List<String> values = new ArrayList<>();
            if (!dialect.quoted) {
                splitPlain(line, values);
                return new Row(start, values);
            }
            StringBuilder field = new StringBuilder();
            boolean inQuotes = false;
            boolean wasQuoted = false;
            int i = 0;
            while (true) {
                if (i >= line.length()) {
                    if (inQuotes) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new BadInputException(source, start, "column " + (values.size() + 1),
                                    "the file ends inside a quoted field (truncated file?)");
                        }
                        lineNumber++;
                        field.append('\n');
                        line = more;
                        i = 0;
                        continue;
                    }
                    values.add(field.toString());
                    return new Row(start, values);
                }
                char c = line.charAt(i++);
                if (inQuotes) {
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    inQuotes = true;
                    wasQuoted = true;
                } else if (c == dialect.delimiter) {
                    values.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else {
                    field.append(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
    }

    private void splitPlain(String line, List<String> values) {
        int from = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == dialect.delimiter) {
                values.add(line.substring(from, i));
                from = i + 1;
            }
        }
        values.add(line.substring(from));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One data row with its 1-based starting line number. */
    public final class Row {
        private final long line;
        private final List<String> values;

        Row(long line, List<String> values) {
            this.line = line;
            this.values = values;
        }

        public long line() {
            return line;
        }

        /** The raw text of a column, stripped. */
        public String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new BadInputException(source, 1, column, "missing column \"" + column + "\"");
            }
            return values.get(index).strip();
        }

        /** A required non-empty text. */
        public String required(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                throw error(column, "empty value");
            }
            return v;
        }

        /**
         * A number that may carry thousands separators and quotes. The given suppression markers
         * (such as "*" or "#") give null; anything else that is not a number is an error.
         */
        public Double number(String column, String... suppressed) {
            String v = text(column);
            for (String s : suppressed) {
                if (v.equals(s)) {
                    return null;
                }
            }
            String digits = v.replace(",", "");
            if (digits.isEmpty()) {
                throw error(column, "empty value where a number was expected");
            }
            try {
                double d = Double.parseDouble(digits);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw error(column, "not a finite number: \"" + v + "\"");
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(column, "not a number: \"" + v + "\"");
            }
        }

        /** Y or N (case-insensitive). */
        public boolean flag(String column) {
            String v = text(column).toUpperCase(Locale.ROOT);
            if (v.equals("Y")) {
                return true;
            }
            if (v.equals("N")) {
                return false;
            }
            throw error(column, "expected Y or N, found \"" + text(column) + "\"");
        }

        public BadInputException error(String column, String problem) {
            return new BadInputException(source, line, column, problem);
        }
    }
}
