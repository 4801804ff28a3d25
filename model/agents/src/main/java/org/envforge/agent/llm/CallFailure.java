package org.envforge.agent.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.envforge.text.Clip;

/**
 * Why one attempt to call the LLM failed, in words, and whether trying again may help.
 *
 * @param kind a short label such as "HTTP 500 Internal Server Error" or "timeout"
 * @param detail the label with the particulars (response body, exception message)
 * @param retryable whether another attempt may succeed
 * @param retryAfter the wait the server asked for, or null
 */
record CallFailure(String kind, String detail, boolean retryable, Duration retryAfter) {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Payload Too Large"), Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    Optional<Duration> serverWait() {
        return Optional.ofNullable(retryAfter);
    }

    /** The model answered without any text. */
    static CallFailure emptyReply(String finishReason) {
        String kind = "empty reply";
        return new CallFailure(kind, kind + " (no message content" + (finishReason == null ? "" : ", finish reason "
                + finishReason) + ")", true, null);
    }

    /** Classifies whatever the chat model threw, looking through wrappers. */
    static CallFailure of(Throwable thrown, Duration timeout) {
        HttpException http = find(thrown, HttpException.class);
        if (http != null) {
            int code = http.statusCode();
            String kind = "HTTP " + code + Optional.ofNullable(REASONS.get(code)).map(r -> " " + r).orElse("");
            boolean retry = code == 408 || code == 429 || code >= 500;
            Duration wait = http instanceof HttpStatusError e ? e.retryAfter().orElse(null) : null;
            return new CallFailure(kind, kind + body(http.getMessage()), retry, wait);
        }
        if (find(thrown, InterruptedException.class) != null) {
            return new CallFailure("interrupted", "interrupted while waiting for the LLM", false, null);
        }
        if (find(thrown, TimeoutException.class) != null || find(thrown, HttpTimeoutException.class) != null
                || find(thrown, java.net.SocketTimeoutException.class) != null) {
            return new CallFailure("timeout", "timeout: no complete answer within " + timeout.toMillis() + " ms", true, null);
        }
        JacksonException json = find(thrown, JacksonException.class);
        if (json != null) {
            return new CallFailure("malformed response JSON", "malformed response JSON: " + firstLine(json.getOriginalMessage()),
                    true, null);
        }
        ConnectException refused = find(thrown, ConnectException.class);
        if (refused != null) {
            return new CallFailure("connection refused", "connection refused: " + describe(refused), true, null);
        }
        IOException io = find(thrown, IOException.class);
        if (io != null) {
            return new CallFailure("connection cut", "connection cut or broken: " + describe(io), true, null);
        }
        // Transport failures are classified above: what is left arose reading the response (such as a completion without choices).
        return new CallFailure("unusable response", "unusable response: " + describe(thrown), true, null);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m));
    }

    private static String body(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        return ": " + firstLine(message);
    }

    static String firstLine(String s) {
        String one = s == null ? "" : Clip.line(s, Clip.REASON);
        return one.length() > 300 ? one.substring(0, 299) + "\u2026" : one;
    }
}
