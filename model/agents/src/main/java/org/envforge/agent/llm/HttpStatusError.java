package org.envforge.agent.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A non-2xx answer, keeping the server's {@code Retry-After} hint that LangChain4j's own exception drops. */
final class HttpStatusError extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    HttpStatusError(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Reads a {@code Retry-After} value given in whole seconds; an HTTP date or junk gives empty. */
    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
    }
}
