package org.envforge.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * JSON on stdout for scripts: one document (an array or an object) per command, field names in
 * camelCase. Jackson escapes control characters below U+0020 itself; the terminal writer shows the
 * rest (DEL, C1, bidi controls) as {@code \}{@code uXXXX}, which JSON reads back as the same text.
 */
final class JsonOutput {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** Prints VALUE (maps, lists, records, Jackson trees) as one JSON document. */
    static void print(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code --json} option, declared once for the commands that take it. */
    static final class Flag {
        @Option(names = "--json", description = "Print JSON (one document on stdout) instead of text.")
        boolean json;
    }
}
