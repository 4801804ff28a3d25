package org.envforge.agent.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's reply: inside a code fence when there is one, else from the
 * first '{' to the last '}' (or the end,
 * so that a cut reply gets a parse error). Comments and trailing commas are tolerated.
 */
final class JsonReplies {

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);

    private JsonReplies() {
    }

    static ObjectNode object(String reply) throws ReplyRejected {
        if (reply == null || reply.isBlank()) {
            throw new ReplyRejected("the reply is empty; expected one JSON object");
        }
        String error = "it holds no '{'";
        for (String candidate : candidates(reply)) {
            try {
                JsonNode n = JSON.readTree(candidate);
                if (n != null && n.isObject()) {
                    return (ObjectNode) n;
                }
                error = "it is JSON but not an object";
            } catch (JacksonException e) {
                JsonLocation at = e.getLocation();
                error = e.getOriginalMessage().lines().findFirst().orElse("parse error")
                        + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
            }
        }
        throw new ReplyRejected("the reply is not a valid JSON object (" + error + "); reply with one JSON object and nothing else");
    }

    private static List<String> candidates(String reply) {
        List<String> out = new ArrayList<>();
        Matcher m = FENCE.matcher(reply);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start >= 0) {
            out.add(reply.substring(start, end > start ? end + 1 : reply.length()));
        }
        return out;
    }
}
