package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.envforge.text.Clip;
import org.junit.jupiter.api.Test;

class LlmPromptTest {

    @Test
    void aRefusedReplyGoesBackToTheModelClipped() {
        String huge = "{\"name\": \"" + "x".repeat(1 << 20) + "\u001b]52;c;AAAA\u0007\"}";
        LlmPrompt p = LlmPrompt.of("system", "user", List.of()).corrected(huge, "Your reply was refused: too long.");
        String sent = p.corrections().get(0).reply();
        assertThat(sent.length()).isLessThanOrEqualTo(Clip.PROMPT_SECTION);
        assertThat(sent).startsWith("{\"name\": \"xxx").doesNotContain("\u001b").contains("cut");
        assertThat(p.corrections().get(0).feedback()).isEqualTo("Your reply was refused: too long.");
    }

    @Test
    void aShortReplyGoesBackAsItWas() {
        LlmPrompt p = LlmPrompt.of("s", "u", List.of()).corrected("{\"a\": 1}\n", "no");
        assertThat(p.corrections().get(0).reply()).isEqualTo("{\"a\": 1}\n");
    }
}
