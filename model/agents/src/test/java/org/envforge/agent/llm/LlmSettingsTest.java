package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from variables. */
class LlmSettingsTest {

    @Test
    void noUrlMeansNoLlm() {
        assertThat(LlmSettings.from(Map.of())).isEmpty();
        assertThat(LlmSettings.from(Map.of(LlmSettings.URL, "  ", LlmSettings.MODEL, "m"))).isEmpty();
    }

    @Test
    void readsTheVariables() {
        LlmSettings s = LlmSettings.from(Map.of(LlmSettings.URL, "http://10.0.0.5:11434/", LlmSettings.MODEL, "llava:7b",
                LlmSettings.PROVIDER, "Ollama", LlmSettings.KEY, "k", LlmSettings.TIMEOUT, "30", LlmSettings.ATTEMPTS, "5")).orElseThrow();
        assertThat(s.provider()).isEqualTo(LlmSettings.Provider.OLLAMA);
        assertThat(s.baseUrl()).isEqualTo("http://10.0.0.5:11434");
        assertThat(s.model()).isEqualTo("llava:7b");
        assertThat(s.apiKey()).isEqualTo("k");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxAttempts()).isEqualTo(5);
    }

    @Test
    void defaultsToOpenAiCompatibleWithoutKey() {
        LlmSettings s = LlmSettings.from(Map.of(LlmSettings.URL, "http://localhost:8000/v1", LlmSettings.MODEL, "qwen")).orElseThrow();
        assertThat(s.provider()).isEqualTo(LlmSettings.Provider.OPENAI_COMPATIBLE);
        assertThat(s.apiKey()).isEmpty();
        assertThat(s.maxAttempts()).isEqualTo(3);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> LlmSettings.from(Map.of(LlmSettings.URL, "http://x/v1"))).hasMessageContaining(LlmSettings.MODEL);
        assertThatThrownBy(() -> LlmSettings.from(Map.of(LlmSettings.URL, "x", LlmSettings.MODEL, "m")))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> LlmSettings.from(Map.of(LlmSettings.URL, "http://x", LlmSettings.MODEL, "m", LlmSettings.PROVIDER,
                "bard"))).hasMessageContaining("unknown LLM provider \"bard\"");
        assertThatThrownBy(() -> LlmSettings.from(Map.of(LlmSettings.URL, "http://x", LlmSettings.MODEL, "m", LlmSettings.ATTEMPTS,
                "0"))).hasMessageContaining(LlmSettings.ATTEMPTS);
    }
}
