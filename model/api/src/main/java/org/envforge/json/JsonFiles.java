package org.envforge.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envforge.spec.Problem;

/** Reads and writes JSON spec files; parse failures become problems with line numbers. */
public final class JsonFiles {

    /** Strict: duplicate keys are errors. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonFiles() {
    }

    /** Parses a JSON object from bytes; returns null (with a problem) when it is not one. */
    public static ObjectNode readObject(byte[] bytes, String file, List<Problem> problems) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                problems.add(Problem.error(file, "", "empty file: expected a JSON object"));
                return null;
            }
            if (!n.isObject()) {
                problems.add(Problem.error(file, "", "expected a JSON object at the top, found " + JsonFields.kind(n)));
                return null;
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            problems.add(new Problem(Problem.Severity.ERROR, file, "", Math.max(line, 0), "malformed JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(file, "", "cannot read: " + e.getMessage()));
            return null;
        }
    }

    public static ObjectNode readObject(Path path, String file, List<Problem> problems) {
        try {
            return readObject(Files.readAllBytes(path), file, problems);
        } catch (IOException e) {
            problems.add(Problem.error(file, "", "cannot read: " + e.getMessage()));
            return null;
        }
    }

    /** Pretty JSON text (2-space indent, trailing newline). */
    public static String pretty(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compact JSON text, for storage. */
    public static String compact(JsonNode n) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses stored JSON (trusted, written by EnvForge). */
    public static ObjectNode parseStored(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
