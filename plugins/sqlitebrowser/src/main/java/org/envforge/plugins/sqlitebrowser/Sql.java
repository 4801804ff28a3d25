package org.envforge.plugins.sqlitebrowser;

import java.util.List;
import java.util.stream.Collectors;

/** Writes SQL text: quoted literals and INSERT statements for the seed script and the oracles. */
final class Sql {

    private Sql() {
    }

    /** A string literal: single quotes around, each quote inside doubled (O'Brien becomes 'O''Brien'). */
    static String literal(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL text literal cannot hold a NUL character");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** A value: numbers as they are, text quoted, null as NULL. */
    static String value(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Number) {
            throw new IllegalArgumentException("only whole numbers are written as SQL values, not " + v);
        }
        return literal(v.toString());
    }

    /** {@code INSERT INTO table (a, b) VALUES (x, y);} */
    static String insert(String table, List<String> columns, List<?> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.size() + " values");
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + values.stream().map(Sql::value).collect(Collectors.joining(", ")) + ");";
    }
}
