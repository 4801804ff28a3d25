package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.AgentException;
import org.envforge.agent.ComputerUseAgent.Decision;
import org.envforge.agent.ComputerUseAgent.Observation;
import org.envforge.runtime.PngEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM computer-use agent against a scripted local endpoint. */
class LlmComputerUseAgentTest {

    private static final String TASK = "Name the report \"Quarterly report\" and finish.";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final FakeLlmServer server = new FakeLlmServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final byte[] screen = png(0xff336699);

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmClient client(int attempts) {
        return new LlmClient(new LlmSettings(LlmSettings.Provider.OPENAI_COMPATIBLE, server.url(), "fake-vlm", "", Duration.ofSeconds(5),
                attempts, Duration.ofMillis(10)), sleeper);
    }

    private LlmComputerUseAgent agent(int maxRefusals) {
        return new LlmComputerUseAgent(client(1), maxRefusals, 10);
    }

    private static byte[] png(int argb) {
        int[] pixels = new int[4 * 3];
        Arrays.fill(pixels, argb);
        return PngEncoder.encode(pixels, 4, 3);
    }

    private Observation observe(List<Decision> history, String feedback) {
        return new Observation(TASK, screen, WIDTH, HEIGHT, history.size(), history, feedback);
    }

    private JsonNode messages(int request) {
        return server.requests().get(request).path("messages");
    }

    /** The text part of the request's first user message. */
    private String userText(int request) {
        for (JsonNode part : messages(request).get(1).path("content")) {
            if ("text".equals(part.path("type").asText())) {
                return part.path("text").asText();
            }
        }
        throw new AssertionError("request " + request + " has no text part: " + messages(request).get(1));
    }

    private static String click(int x, int y) {
        return "{\"thought\": \"Open the name field\", \"action\": {\"mouse\": {\"left_click\": [" + x + ", " + y + "]}}}";
    }

    @Test
    void playsAScriptedEpisodeSendingTheScreenshotAndTheHistory() {
        server.then(FakeLlmServer.reply("The name field is at the top.\n```json\n" + click(320, 200) + "\n```"),
                FakeLlmServer.reply("[{\"thought\": \"Type the name\", \"action\": "
                        + "{\"action_type\": \"TYPING\", \"parameters\": {\"text\": \"Quarterly report\"}}}]"),
                FakeLlmServer.reply("{\"thought\": \"The name is entered\", \"action\": {\"control\": \"done\"}}"));
        LlmComputerUseAgent agent = agent(3);
        List<Decision> history = new ArrayList<>();
        while (history.isEmpty() || !(history.get(history.size() - 1).action() instanceof Action.Done)) {
            assertThat(history).hasSizeLessThan(3);
            history.add(agent.next(observe(history, null)));
        }

        assertThat(history).containsExactly(new Decision(Action.Click.left(320, 200), "Open the name field"),
                new Decision(new Action.TypeText("Quarterly report"), "Type the name"),
                new Decision(new Action.Done(), "The name is entered"));
        assertThat(server.requestCount()).isEqualTo(3);
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(screen);
        for (int i = 0; i < 3; i++) {
            assertThat(messages(i).get(0).path("role").asText()).isEqualTo("system");
            assertThat(messages(i).get(1).path("content").findValuesAsText("url")).containsExactly(image);
            assertThat(userText(i)).contains(TASK).contains("step " + (i + 1) + ".");
        }
        assertThat(messages(0).get(0).path("content").asText()).contains("1280 x 800").contains("{\"mouse\": {\"left_click\": [x, y]}}")
                .contains("action_type");
        assertThat(userText(0)).contains("You have taken no actions yet").doesNotContain("step 1:");
        String first = "step 1: {\"mouse\":{\"left_click\":[320,200]}} (you said: \"Open the name field\")";
        assertThat(userText(1)).contains(first).doesNotContain("step 2:");
        assertThat(userText(2)).contains(first)
                .contains("step 2: {\"keyboard\":{\"text\":\"Quarterly report\"}} (you said: \"Type the name\")");
        assertThat(userText(2)).doesNotContain("reviewer");
    }

    @Test
    void refusesAPointOffTheScreenWithTheReasonThenAcceptsAGoodReply() {
        String offScreen = click(WIDTH, 300);
        server.then(FakeLlmServer.reply(offScreen), FakeLlmServer.reply(click(1279, 300)));

        Decision d = agent(3).next(observe(List.of(), null));

        assertThat(d.action()).isEqualTo(Action.Click.left(1279, 300));
        assertThat(server.requestCount()).isEqualTo(2);
        JsonNode second = messages(1);
        assertThat(second).hasSize(4);
        assertThat(second.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(second.get(2).path("content").asText()).isEqualTo(offScreen);
        assertThat(second.get(3).path("role").asText()).isEqualTo("user");
        assertThat(second.get(3).path("content").asText()).startsWith("Your reply was refused: the point (1280, 300) is off the screen")
                .contains("x must be from 0 to 1279 and y from 0 to 799");
        assertThat(second.get(1).path("content").findValuesAsText("url")).hasSize(1);
    }

    @Test
    void givesUpWithAClearMessageAfterTheRefusalLimit() {
        server.then(FakeLlmServer.reply("I think I should click the OK button."), FakeLlmServer.reply("{not json"),
                FakeLlmServer.reply("```json\n{\"thought\": \"hm\"}\n```"), FakeLlmServer.reply(click(10, 10)));

        assertThatThrownBy(() -> agent(3).next(observe(List.of(), null))).isInstanceOf(AgentException.class)
                .hasMessage("llm agent: the model's reply broke the action schema 3 times; last reason: the reply has no \"action\"; "
                        + "expected {\"thought\": \"...\", \"action\": {...}}");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(messages(2)).hasSize(6);
        assertThat(messages(2).get(3).path("content").asText()).contains("holds no JSON object");
    }

    @Test
    void honoursRetryAfterOn429AndThenReadsTheReply() {
        server.then(FakeLlmServer.status(429, "{\"error\":\"slow down\"}", "Retry-After", "2"), FakeLlmServer.reply(click(5, 6)));
        LlmComputerUseAgent agent = new LlmComputerUseAgent(client(3));

        Decision d = agent.next(observe(List.of(), null));

        assertThat(d.action()).isEqualTo(Action.Click.left(5, 6));
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void putsTheAuditorsFeedbackInThePrompt() {
        server.then(FakeLlmServer.reply("{\"thought\": \"Save it\", \"action\": {\"keyboard\": {\"keys\": [\"ctrl\", \"s\"]}}}"));
        List<Decision> history = List.of(new Decision(Action.Click.left(320, 200), "Open the name field"),
                new Decision(new Action.Done(), "Finished"));

        Decision d = agent(3).next(observe(history, "The report is named but not saved; the file on disk is unchanged."));

        assertThat(d).isEqualTo(new Decision(Action.Key.of("ctrl", "s"), "Save it"));
        assertThat(userText(0))
                .contains("says the task is not complete yet:\nThe report is named but not saved; the file on disk is unchanged.")
                .contains("step 2: {\"control\":\"done\"} (you said: \"Finished\")");
    }

    @Test
    void letsTransportFailuresThrough() {
        server.then(FakeLlmServer.status(401, "{\"error\":\"bad key\"}"), FakeLlmServer.reply(click(5, 6)));

        assertThatThrownBy(() -> agent(3).next(observe(List.of(), null))).isInstanceOf(AgentException.class)
                .hasMessageContaining("refused the request: HTTP 401").hasMessageNotContaining("action schema");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void summarisesOnlyTheLastHistorySteps() {
        server.then(FakeLlmServer.reply(click(1, 1)));
        List<Decision> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            history.add(new Decision(Action.Click.left(10 + i, 20), "click " + i));
        }

        new LlmComputerUseAgent(client(1), 1, 2).next(observe(history, null));

        assertThat(userText(0)).contains("(3 earlier not shown)").contains("step 4: ").contains("step 5: ").doesNotContain("step 3: ")
                .contains("step 6.");
    }

    @Test
    void refusesBadSettingsAndObservations() {
        LlmClient client = client(1);
        assertThatThrownBy(() -> new LlmComputerUseAgent(client, 0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one refusal");
        assertThatThrownBy(() -> new LlmComputerUseAgent(client, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LlmComputerUseAgent(client).id()).isEqualTo("llm");
        assertThatThrownBy(() -> new LlmComputerUseAgent(client).next(new Observation(TASK, screen, 0, 0, 0, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("screen size");
        assertThat(server.requestCount()).isZero();
    }
}
