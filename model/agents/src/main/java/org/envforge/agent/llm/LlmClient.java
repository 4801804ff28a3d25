package org.envforge.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.envforge.agent.AgentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one chat request to a language model and returns the reply's text. A timeout, HTTP 408,
 * 429 or 5xx, a malformed response, an empty reply or a cut connection is tried again, after the
 * server's {@code Retry-After} seconds when it gives them, else after an exponential backoff, up
 * to the settings' attempts; then, or at once for other failures (such as HTTP 401 or 404), an
 * {@link AgentException} says what happened. No library exception escapes. Thread-safe.
 */
public final class LlmClient {

    /** The longest wait between two attempts, whatever the server or the backoff says. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);

    private final LlmSettings settings;
    private final Sleeper sleeper;
    private final ChatModel model;

    public LlmClient(LlmSettings settings) {
        this(settings, Sleeper.REAL);
    }

    /** @throws AgentException when LangChain4j refuses the settings */
    public LlmClient(LlmSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        try {
            this.model = ChatModels.build(settings);
        } catch (RuntimeException e) {
            throw new AgentException("cannot set up the LLM client for " + settings.describe() + ": " + e.getMessage(), e);
        }
    }

    public LlmSettings settings() {
        return settings;
    }

    /** Asks once (with retries) and returns the reply's text. */
    public String chat(String system, String user, List<byte[]> pngImages) {
        return chat(LlmPrompt.of(system, user, pngImages));
    }

    /** Asks once (with retries) and returns the reply's text. */
    public String chat(LlmPrompt prompt) {
        ChatRequest request = request(prompt);
        Set<String> kinds = new LinkedHashSet<>();
        CallFailure last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Outcome outcome = attempt(request);
            if (outcome.reply() != null) {
                return outcome.reply();
            }
            last = outcome.failure();
            kinds.add(last.kind());
            if (!last.retryable()) {
                throw new AgentException("LLM endpoint " + settings.baseUrl() + (last.kind().startsWith("HTTP") ? " refused the request: "
                        : ": ") + last.detail());
            }
            if (attempt < settings.maxAttempts()) {
                Duration wait = waitBefore(attempt, last);
                LOG.warn("LLM attempt {} of {} at {} failed ({}); retrying in {} ms", attempt, settings.maxAttempts(),
                        settings.baseUrl(), last.detail(), wait.toMillis());
                pause(wait);
            }
        }
        int n = settings.maxAttempts();
        throw new AgentException("LLM endpoint " + settings.baseUrl() + " failed " + n + (n == 1 ? " time: " : " times: ")
                + String.join(", ", kinds) + "; last: " + last.detail());
    }

    /** The wait after the given failed attempt (1-based): the server's hint, else base x 2^(attempt-1); at most {@link #MAX_WAIT}. */
    Duration waitBefore(int attempt, CallFailure failure) {
        Duration wait = failure.serverWait().orElseGet(() -> settings.baseBackoff().multipliedBy(1L << Math.min(attempt - 1, 20)));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while waiting to retry the LLM endpoint " + settings.baseUrl(), e);
        }
    }

    /** A reply or why there was none. */
    private record Outcome(String reply, CallFailure failure) {
    }

    private Outcome attempt(ChatRequest request) {
        try {
            ChatResponse response = model.chat(request);
            AiMessage ai = response == null ? null : response.aiMessage();
            String text = ai == null ? null : ai.text();
            if (text == null || text.isBlank()) {
                String finish = response == null || response.finishReason() == null ? null : response.finishReason().name();
                return new Outcome(null, CallFailure.emptyReply(finish));
            }
            return new Outcome(text, null);
        } catch (RuntimeException e) {
            return new Outcome(null, CallFailure.of(e, settings.timeout()));
        }
    }

    private static ChatRequest request(LlmPrompt prompt) {
        if (prompt.user() == null || prompt.user().isBlank()) {
            throw new AgentException("cannot ask the LLM: the request is empty");
        }
        try {
            return ChatRequest.builder().messages(messages(prompt)).build();
        } catch (RuntimeException e) {
            throw new AgentException("cannot build the LLM request: " + e.getMessage(), e);
        }
    }

    private static List<ChatMessage> messages(LlmPrompt prompt) {
        List<ChatMessage> out = new ArrayList<>();
        if (prompt.system() != null && !prompt.system().isBlank()) {
            out.add(SystemMessage.from(prompt.system()));
        }
        List<Content> first = new ArrayList<>();
        first.add(TextContent.from(prompt.user()));
        for (byte[] png : prompt.images()) {
            first.add(ImageContent.from(Base64.getEncoder().encodeToString(png), "image/png", ImageContent.DetailLevel.HIGH));
        }
        out.add(UserMessage.from(first));
        for (LlmPrompt.Correction c : prompt.corrections()) {
            out.add(AiMessage.from(c.reply() == null || c.reply().isBlank() ? "(empty reply)" : c.reply()));
            out.add(UserMessage.from(c.feedback()));
        }
        return out;
    }
}
