package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent.Decision;
import org.envforge.agent.ComputerUseAgent.Observation;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.junit.jupiter.api.Test;

/** The words of the computer-use requests. */
class ComputerUsePromptsTest {

    private static final List<Decision> FIVE = List.of(new Decision(Action.Click.left(1, 2), "one"),
            new Decision(new Action.Click(3, 4, Action.Button.RIGHT, 2), "two"), new Decision(null, "three"),
            new Decision(new Action.TypeText("a\nb"), "  four\n  lines  "), new Decision(Action.Key.of("enter"), null));

    @Test
    void describesTheScreenAndBothActionFormats() {
        String system = ComputerUsePrompts.system(1024, 768);
        assertThat(system).contains("1024 x 768 pixels: x runs from 0 at the left to 1023, y from 0 at the top to 767")
                .contains("{\"thought\": \"<what you see and why you take this action>\", \"action\": <one action>}")
                .contains("Actions (the preferred format)").contains("{\"keyboard\": {\"text\": \"Hello\"}}")
                .contains("{\"action_type\": \"CLICK\", \"parameters\": {\"x\": 100, \"y\": 200}}");
    }

    @Test
    void summarisesTheLastStepsCompactly() {
        String h = ComputerUsePrompts.history(FIVE, 4);
        assertThat(h).startsWith("Your last 4 actions, oldest first (1 earlier not shown):\n").doesNotContain("step 1:")
                .contains("step 2: {\"action_type\":\"CLICK\",\"parameters\":{\"x\":3,\"y\":4,\"button\":\"right\",\"num_clicks\":2}}"
                        + " (you said: \"two\")")
                .contains("step 3: (no action) (you said: \"three\")")
                .contains("step 4: {\"keyboard\":{\"text\":\"a\\nb\"}} (you said: \"four lines\")")
                .contains("step 5: {\"keyboard\":{\"keys\":[\"enter\"]}}\n");
        assertThat(ComputerUsePrompts.history(FIVE, 10)).startsWith("Your last 5 actions, oldest first:\n").contains("step 1: ");
        assertThat(ComputerUsePrompts.history(FIVE, 0)).isEqualTo("You have taken 5 actions so far.\n");
        assertThat(ComputerUsePrompts.history(List.of(), 3)).isEqualTo("You have taken no actions yet.\n");
    }

    @Test
    void clipsLongResponses() {
        String h = ComputerUsePrompts.history(List.of(new Decision(new Action.Done(), "x".repeat(500))), 1);
        assertThat(h).contains("x".repeat(ComputerUsePrompts.RESPONSE_CHARS - 1) + "\u2026\")").doesNotContain("x".repeat(200));
    }

    @Test
    void saysWhenThereIsNoScreenshot() {
        LlmPrompt p = ComputerUsePrompts.prompt(new Observation("Do it", null, 640, 480, 0, List.of(), " "), 5);
        assertThat(p.images()).isEmpty();
        assertThat(p.user()).contains("No screenshot could be taken this step.").doesNotContain("reviewer");
    }

    @Test
    void feedbackAndWordsFromBeforeAreBoundedAndClean() {
        String user = ComputerUsePrompts.user(new Observation("Do it", null, 640, 480, 1,
                List.of(new Decision(new Action.Done(), "\u001b[2Jdone \u0007now")), "the checker says: " + Noise.EIGHT_MIB), 5, false);
        Noise.assertBoundedAndClean("user prompt", user, 2 * Clip.PROMPT_SECTION);
        assertThat(user).contains(Noise.TAIL).contains("bytes]").contains("(you said: \"done now\")");
    }
}
