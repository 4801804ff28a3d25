package org.envforge.plugins.mousepad;

import java.util.List;

/**
 * Lines of a text file as an editor shows them: separated by "\n" (a "\r" before it is dropped),
 * a last line without a newline still counts, and a final newline does not start another line.
 */
final class TextLines {

    private TextLines() {
    }

    /** The lines of a text; an empty text has none. */
    static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(t.split("\n", -1)).stream().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
    }

    static int count(String text) {
        return of(text).size();
    }

    /**
     * Line {@code n} of a text: 1 is the first, -1 the last; empty when there is no such line.
     */
    static String line(String text, int n) {
        List<String> lines = of(text);
        int i = n > 0 ? n - 1 : lines.size() + n;
        return n != 0 && i >= 0 && i < lines.size() ? lines.get(i) : "";
    }
}
