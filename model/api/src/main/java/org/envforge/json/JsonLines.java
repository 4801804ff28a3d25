package org.envforge.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON pointers to the line where their value starts in a JSON text, so problems can be
 * shown at their lines in an editor.
 */
public final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** An open object or array while parsing. */
    private static final class Frame {
        final String pointer;
        final boolean array;
        int nextIndex;
        String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }

        String child() {
            return array ? pointer + "/" + nextIndex++ : pointer + "/" + JsonFields.escape(field);
        }
    }

    /** Indexes every value of the text; an unparsable text indexes what came before the fault. */
    public static JsonLines of(String json) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.peek().field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String pointer = stack.isEmpty() ? "" : stack.peek().child();
                lines.putIfAbsent(pointer, (int) p.currentTokenLocation().getLineNr());
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(pointer, t == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException e) {
            // keep what was indexed before the fault
        }
        return new JsonLines(lines);
    }

    /**
     * The line of the value at the pointer, or of its nearest indexed ancestor (a missing field
     * points at its parent object), or 1.
     */
    public int lineOf(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }
}
