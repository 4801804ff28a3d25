package org.envforge.plugins.mousepad;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.envforge.plugin.BuiltInProbes;
import org.envforge.plugin.Probe;
import org.envforge.runtime.Session;

/** Probes on the lines of a text file in the sandbox home, as Mousepad shows them. */
final class LineProbes {

    private LineProbes() {
    }

    /** The number of lines of a file (args: path); a last line without a newline counts. */
    static final Probe LINE_COUNT = new Probe() {
        @Override
        public String id() {
            return "line_count";
        }

        @Override
        public String describe() {
            return "the number of lines of a text file (args: path)";
        }

        @Override
        public String read(Session session, JsonNode args) {
            return String.valueOf(TextLines.count(BuiltInProbes.FILE_TEXT.read(session, args)));
        }

        @Override
        public Optional<List<String>> commandLine(JsonNode args) {
            return Optional.of(List.of("awk", "END { print NR }", path(args)));
        }
    };

    /** One line of a file (args: path, line: 1 for the first, -1 for the last); empty when absent. */
    static final Probe TEXT_LINE = new Probe() {
        @Override
        public String id() {
            return "text_line";
        }

        @Override
        public String describe() {
            return "one line of a text file (args: path, line: 1 is the first, -1 the last)";
        }

        @Override
        public String read(Session session, JsonNode args) {
            return TextLines.line(BuiltInProbes.FILE_TEXT.read(session, args), args.path("line").asInt(0));
        }

        @Override
        public Optional<List<String>> commandLine(JsonNode args) {
            return Optional.of(List.of("awk", "-v", "n=" + args.path("line").asInt(0),
                    "{ sub(/\\r$/, \"\"); a[NR] = $0 } END { i = n < 0 ? NR + 1 + n : n; if (n != 0 && i >= 1 && i <= NR) print a[i] }",
                    path(args)));
        }
    };

    static final List<Probe> ALL = List.of(LINE_COUNT, TEXT_LINE);

    /** A probe path as an absolute sandbox path ("~/x" and relative paths are in the home). */
    static String path(JsonNode args) {
        String p = args.path("path").asText();
        if (p.startsWith("~/")) {
            return MousepadGui.HOME + "/" + p.substring(2);
        }
        return p.startsWith("/") ? p : MousepadGui.HOME + "/" + p;
    }
}
