package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.envforge.agent.AgentException;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Creation;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.plugin.TaskDraft;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM creator against a scripted local endpoint. */
class LlmCreatorTest {

    private final FakeLlmServer server = new FakeLlmServer();
    private final TestPlugin plugin = new TestPlugin();
    private final LlmCreator creator = new LlmCreator(new LlmClient(new LlmSettings(LlmSettings.Provider.OPENAI_COMPATIBLE,
            server.url(), "fake-model", "", Duration.ofSeconds(5), 3, Duration.ofMillis(10)), new RecordingSleeper()),
            TinySeedData::new);

    @AfterEach
    void stop() {
        server.close();
    }

    private static CreationRequest request(int tasks) {
        return new CreationRequest("editor", "Notepad", "editor_j1_e1", tasks, 7, "Say which file the answer goes in.", 0);
    }

    /** The role and content of message {@code i} of request {@code r}, as JSON text. */
    private String message(int r, int i) {
        JsonNode m = server.requests().get(r).path("messages").get(i);
        return m == null ? "" : m.toString();
    }

    @Test
    void writesEachTaskFromTheModelsReply() {
        server.then(FakeLlmServer.reply(GoodTask.reply("analysts_total")), FakeLlmServer.reply(GoodTask.reply("Analysts Total!")));
        Creation c = creator.create(request(2), plugin);
        assertThat(c.environment().name()).isEqualTo("editor_j1_e1");
        assertThat(c.environment().plugin()).isEqualTo("editor");
        assertThat(c.environment().product()).isEqualTo("Notepad");
        assertThat(c.environment().tasks()).extracting(TaskDraft::name).containsExactly("analysts_total", "analysts_total_2");
        assertThat(c.environment().tasks()).allSatisfy(t -> assertThat(t.template()).isEqualTo("llm"));
        assertThat(c.injected()).isEmpty();
        assertThat(c.notes()).anyMatch(n -> n.startsWith("task 2 of 2: accepted analysts_total_2"));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void promptsWithTheAppItsProbesAnExampleRealDataAndTheMemoryNote() {
        server.then(FakeLlmServer.reply(GoodTask.reply("first")), FakeLlmServer.reply(GoodTask.reply("second")));
        creator.create(request(2), plugin);
        String system = message(0, 0);
        assertThat(system).contains("\"system\"").contains("Test text editor").contains("line: one line of a text file")
                .contains("file_exists").contains("points add up to exactly 100");
        String user = message(0, 1);
        assertThat(user).contains("Write task 1 of 2").contains("sum_column_s7") // the worked example from the template
                .contains("15-1211\\tComputer Systems Analysts") // a real data row
                .contains(TinySeedData.PROVENANCE).contains("Say which file the answer goes in.");
        assertThat(message(1, 1)).contains("Write task 2 of 2").contains("Tasks already written").contains("- first: Open ~/analysts.tsv");
    }

    @Test
    void refusesASchemaBreakingReplyWithItsReasonThenAcceptsTheGoodOne() {
        ObjectNode bad = GoodTask.json("bad");
        ((ObjectNode) bad.at("/checklist/completion/1")).put("points", 20);
        server.then(FakeLlmServer.reply(bad.toString()), FakeLlmServer.reply(GoodTask.reply("good")));
        Creation c = creator.create(request(1), plugin);
        assertThat(c.environment().tasks()).extracting(TaskDraft::name).containsExactly("good");
        assertThat(c.notes()).contains("task 1 of 1: reply 1 of at most 3 refused: checklist.completion points add up to 90, not 100");
        assertThat(server.requestCount()).isEqualTo(2);
        // The second request carries the refused reply and the reason.
        assertThat(message(1, 2)).contains("\"assistant\"").contains("\\\"bad\\\"");
        assertThat(message(1, 3)).contains("\"user\"").contains("refused: checklist.completion points add up to 90, not 100");
    }

    @Test
    void aRefusedReplyOfAMegabyteGoesBackToTheModelClipped() {
        ObjectNode bad = GoodTask.json("bad");
        bad.put("difficulty", "\u001b]0;title\u0007" + "x".repeat(1 << 20));
        server.then(FakeLlmServer.reply(bad.toString()), FakeLlmServer.reply(GoodTask.reply("good")));
        Creation c = creator.create(request(1), plugin);
        assertThat(c.environment().tasks()).extracting(TaskDraft::name).containsExactly("good");
        assertThat(server.requests().get(1).toString().length()).as("the retry request").isLessThan(64 * 1024);
        assertThat(message(1, 2)).contains("\"assistant\"").doesNotContain("\\u001b");
        assertThat(c.notes()).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(5 * 1024));
    }

    @Test
    void givesUpWhenEveryReplyBreaksTheSchema() {
        ObjectNode bad = GoodTask.json("bad");
        ((ObjectNode) bad.at("/checker/conditions/0")).put("probe", "cell");
        server.then(FakeLlmServer.reply(bad.toString()), FakeLlmServer.reply("no JSON here"), FakeLlmServer.reply(bad.toString()),
                FakeLlmServer.reply(GoodTask.reply("too_late")));
        assertThatThrownBy(() -> creator.create(request(1), plugin)).isInstanceOf(AgentException.class)
                .hasMessageStartingWith("llm creator, task 1 of 1: the model's reply broke the schema 3 times; last reason: "
                        + "checker.conditions[0]: unknown probe \"cell\"");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void saysWhichTaskTheEndpointFailedOn() {
        server.then(FakeLlmServer.reply(GoodTask.reply("one")), FakeLlmServer.status(500, "down"), FakeLlmServer.status(500, "down"),
                FakeLlmServer.status(500, "down"));
        assertThatThrownBy(() -> creator.create(request(2), plugin)).isInstanceOf(AgentException.class)
                .hasMessage("llm creator, task 2 of 2: LLM endpoint " + server.url()
                        + " failed 3 times: HTTP 500 Internal Server Error; last: HTTP 500 Internal Server Error: down");
    }

    @Test
    void fixRewritesOnlyTheFailedTasksWithTheAuditsReasons() {
        server.then(FakeLlmServer.reply(GoodTask.reply("leaky")), FakeLlmServer.reply(GoodTask.reply("sound")));
        Creation first = creator.create(request(2), plugin);
        ObjectNode fixed = GoodTask.json("renamed_by_the_model");
        fixed.put("instruction", "Write the total employment of the two analyst occupations on a new last line of ~/analysts.tsv.");
        server.then(FakeLlmServer.reply(fixed.toString()));
        AuditReport audit = new AuditReport("vlm", List.of(
                new TaskAudit("leaky", List.of(verdict(AuditChecklist.NO_LEAK, AuditVerdict.FAIL, "it says to type 696100"),
                        verdict(AuditChecklist.SPECIFIC, AuditVerdict.PARTIAL, "which line is unclear"))),
                new TaskAudit("sound", List.of(verdict(AuditChecklist.NO_LEAK, AuditVerdict.PASS, "fine")))));

        Creation second = creator.fix(request(2), plugin, first, audit);

        assertThat(server.requestCount()).isEqualTo(3);
        String ask = message(2, 1);
        assertThat(ask).contains("instruction_no_leak").contains("it says to type 696100").contains("which line is unclear")
                .contains("\\\"name\\\" : \\\"leaky\\\"");
        List<TaskDraft> tasks = second.environment().tasks();
        assertThat(tasks).extracting(TaskDraft::name).containsExactly("leaky", "sound");
        assertThat(tasks.get(0).instruction()).startsWith("Write the total employment");
        assertThat(tasks.get(1)).isSameAs(first.environment().tasks().get(1));
        assertThat(second.notes()).contains("sound: kept (no failed audit item)", "leaky: fixed");
    }

    private static ItemVerdict verdict(AuditChecklist.Item item, AuditVerdict v, String reason) {
        return new ItemVerdict(item.id(), item.question(), v, reason, List.of());
    }

    @Test
    void aFixPromptHoldsWhatTheSandboxPrintedBoundedAndClean() {
        server.then(FakeLlmServer.reply(GoodTask.reply("noisy")));
        Creation first = creator.create(request(1), plugin);
        TaskDraft big = first.environment().tasks().get(0).withFiles(Map.of("log.txt", Noise.EIGHT_MIB.getBytes(StandardCharsets.UTF_8)));
        Creation previous = new Creation(new EnvironmentDraft("editor_j1_e1", "editor", "Notepad", List.of(big)), List.of(), Map.of());
        AuditReport audit = new AuditReport("rules", List.of(new TaskAudit("noisy", List.of(
                verdict(AuditChecklist.SETUP, AuditVerdict.FAIL, "setup failed: " + Noise.EIGHT_MIB)))));
        server.then(FakeLlmServer.reply(GoodTask.reply("noisy")));

        creator.fix(request(1), plugin, previous, audit);

        JsonNode content = server.requests().get(1).path("messages").get(1).path("content");
        String text = content.isTextual() ? content.asText() : content.get(0).path("text").asText();
        Noise.assertBoundedAndClean("fix prompt", text, 4 * Clip.PROMPT_SECTION);
        assertThat(text).contains(Noise.TAIL).contains(Noise.HEAD).contains("bytes]");
        assertThat(server.requests().get(1).toString().length()).isLessThan(8 * Clip.PROMPT_SECTION);
    }
}
