package org.envforge.agent.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a language model: which protocol, where, which model, and how patiently.
 *
 * @param provider the wire protocol the endpoint speaks
 * @param baseUrl the endpoint, such as {@code http://127.0.0.1:8000/v1} (OpenAI-compatible) or
 *     {@code http://127.0.0.1:11434} (Ollama)
 * @param model the model name the endpoint serves
 * @param apiKey the bearer key; empty when the endpoint needs none
 * @param timeout how long one request may take before it counts as failed
 * @param maxAttempts how many times one request is tried before giving up (at least 1)
 * @param baseBackoff the wait after the first failure; it doubles after each further failure
 */
public record LlmSettings(Provider provider, String baseUrl, String model, String apiKey, Duration timeout, int maxAttempts,
        Duration baseBackoff) {

    /** Environment variable with the endpoint's URL; without it no LLM is configured. */
    public static final String URL = "ENVFORGE_LLM_URL";
    /** Environment variable with the model name. */
    public static final String MODEL = "ENVFORGE_LLM_MODEL";
    /** Environment variable with the API key (optional). */
    public static final String KEY = "ENVFORGE_LLM_KEY";
    /** Environment variable with the provider: openai-compatible (the default) or ollama. */
    public static final String PROVIDER = "ENVFORGE_LLM_PROVIDER";
    /** Optional environment variable: seconds one request may take (default 120). */
    public static final String TIMEOUT = "ENVFORGE_LLM_TIMEOUT_SEC";
    /** Optional environment variable: attempts per request (default 3). */
    public static final String ATTEMPTS = "ENVFORGE_LLM_ATTEMPTS";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    static final int DEFAULT_ATTEMPTS = 3;
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);

    /** The wire protocol of an endpoint. */
    public enum Provider {
        /** The OpenAI chat completions API ({@code POST {baseUrl}/chat/completions}), as vLLM, llama.cpp and others serve it. */
        OPENAI_COMPATIBLE("openai-compatible"),
        /** Ollama's native chat API ({@code POST {baseUrl}/api/chat}). */
        OLLAMA("ollama");

        private final String label;

        Provider(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Reads openai-compatible (also openai) or ollama, in any case. */
        public static Provider parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "", "openai", "openai-compatible", "openai_compatible" -> OPENAI_COMPATIBLE;
                case "ollama" -> OLLAMA;
                default -> throw new IllegalArgumentException(
                        "unknown LLM provider \"" + text + "\": expected openai-compatible or ollama");
            };
        }
    }

    public LlmSettings {
        if (provider == null) {
            throw new IllegalArgumentException("LLM provider is missing");
        }
        if (baseUrl == null || !baseUrl.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("LLM base URL must be an http(s) URL, was \"" + baseUrl + "\"");
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("LLM model name is missing (set " + MODEL + ")");
        }
        model = model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LLM request timeout must be positive, was " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("LLM max attempts must be at least 1, was " + maxAttempts);
        }
        if (baseBackoff == null || baseBackoff.isNegative()) {
            throw new IllegalArgumentException("LLM base backoff must not be negative, was " + baseBackoff);
        }
    }

    /** Settings with the default timeout, attempts and backoff. */
    public static LlmSettings of(Provider provider, String baseUrl, String model, String apiKey) {
        return new LlmSettings(provider, baseUrl, model, apiKey, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    /** The settings from the process environment, or empty when {@value #URL} is not set. */
    public static Optional<LlmSettings> fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The settings from variables named as the environment's ({@value #URL}, {@value #MODEL},
     * {@value #KEY}, {@value #PROVIDER}, and optionally {@value #TIMEOUT} and {@value #ATTEMPTS}),
     * or empty when no URL is given.
     *
     * @throws IllegalArgumentException when a URL is given but the rest is missing or invalid
     */
    public static Optional<LlmSettings> from(Map<String, String> vars) {
        String url = vars.getOrDefault(URL, "");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Duration timeout = Duration.ofSeconds(positive(vars, TIMEOUT, DEFAULT_TIMEOUT.toSeconds()));
        int attempts = (int) positive(vars, ATTEMPTS, DEFAULT_ATTEMPTS);
        return Optional.of(new LlmSettings(Provider.parse(vars.get(PROVIDER)), url, vars.get(MODEL), vars.get(KEY), timeout,
                attempts, DEFAULT_BACKOFF));
    }

    /** A copy with another timeout. */
    public LlmSettings withTimeout(Duration t) {
        return new LlmSettings(provider, baseUrl, model, apiKey, t, maxAttempts, baseBackoff);
    }

    /** A copy with other retry limits. */
    public LlmSettings withRetries(int attempts, Duration backoff) {
        return new LlmSettings(provider, baseUrl, model, apiKey, timeout, attempts, backoff);
    }

    /** "model at URL", for notes and messages (never the key). */
    public String describe() {
        return model + " at " + baseUrl + " (" + provider.label() + ")";
    }

    /** Keeps the key out of logs and messages. */
    @Override
    public String toString() {
        return "LlmSettings[" + describe() + ", key " + (apiKey.isEmpty() ? "none" : "set") + ", timeout " + timeout.toMillis()
                + " ms, " + maxAttempts + " attempts, backoff " + baseBackoff.toMillis() + " ms]";
    }

    private static long positive(Map<String, String> vars, String name, long fallback) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, was \"" + v + "\"");
    }
}
