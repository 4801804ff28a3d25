package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.envforge.agent.AgentException;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditInput;
import org.envforge.agent.AuditReport;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.Creation;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PngEncoder;
import org.envforge.runtime.WindowInfo;
import org.envforge.text.Clip;
import org.envforge.text.Noise;
import org.envforge.verify.CheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VLM auditor against a scripted local endpoint. */
class VlmAuditorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "a".repeat(64);
    private static final String END = "b".repeat(64);
    private static final String SECRET_NOTE = "creator note CREATOR-SECRET-7f3a: the checker was loosened on purpose";

    private final FakeLlmServer server = new FakeLlmServer();
    private final VlmAuditor auditor = new VlmAuditor(new LlmClient(new LlmSettings(LlmSettings.Provider.OPENAI_COMPATIBLE,
            server.url(), "fake-vlm", "", Duration.ofSeconds(5), 2, Duration.ofMillis(10)), new RecordingSleeper()), 2);
    private final byte[] startPng = png(0xff336699);
    private final byte[] endPng = png(0xff993366);

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] png(int argb) {
        int[] pixels = new int[4 * 3];
        Arrays.fill(pixels, argb);
        return PngEncoder.encode(pixels, 4, 3);
    }

    private static TaskDraft task(String name) {
        TaskDraft d = new TestPlugin.SumColumn().generate(new TemplateContext(3, new TinySeedData(), "editor_env"));
        return TaskDraft.builder().template("llm").name(name).instruction(d.instruction()).difficulty(d.difficulty())
                .maxSteps(d.maxSteps()).timeoutSeconds(d.timeoutSeconds()).files(d.files()).setup(d.setup()).launch(d.launch())
                .windowTitle(d.windowTitle()).export(d.export()).checker(d.checker()).checklist(d.checklist())
                .privilegedInfo(d.privilegedInfo()).oracle(d.oracle()).metadata(d.metadata()).provenance(d.provenance()).build();
    }

    private static TaskEvidence evidence(TaskDraft t, String start, String end, String setupError) {
        var condition = t.checker().conditions().get(0);
        WindowInfo w = new WindowInfo("0x1", TestPlugin.TITLE, "Editor", 0, 0, 800, 600);
        return new TaskEvidence(t.name(), setupError, start, end, List.of(w), w,
                List.of(new TaskEvidence.ProbeReading("line", condition.args().toString(), "")),
                List.of(new TaskEvidence.ProbeReading("line", condition.args().toString(), "1047490")),
                new CheckResult(false, List.of(new CheckResult.ConditionResult(condition, "", false,
                        "line: expected 1047490 but found \"\""))),
                new CheckResult(true, List.of(new CheckResult.ConditionResult(condition, "1047490", true, "line holds"))),
                "soc employment 15-1211 527200", null, 900, null);
    }

    /** What the engine builds from a creation: the tasks and their evidence, never the notes. */
    private AuditInput input(Creation creation, boolean shots) {
        List<AuditInput.TaskUnderAudit> tasks = new ArrayList<>();
        for (TaskDraft t : creation.environment().tasks()) {
            tasks.add(new AuditInput.TaskUnderAudit(t, shots ? evidence(t, START, END, null) : evidence(t, null, null,
                    "xdotool: no display")));
        }
        Map<String, byte[]> blobs = Map.of(START, startPng, END, endPng);
        return new AuditInput("editor", "Test text editor", tasks, blobs::get);
    }

    private static Creation creation(String... names) {
        List<TaskDraft> tasks = Arrays.stream(names).map(VlmAuditorTest::task).toList();
        return new Creation(new EnvironmentDraft("editor_env", "editor", "Notepad", tasks), List.of(SECRET_NOTE), Map.of());
    }

    private static String answer(String... idVerdictReason) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (int i = 0; i + 2 < idVerdictReason.length; i += 3) {
            items.addObject().put("id", idVerdictReason[i]).put("verdict", idVerdictReason[i + 1]).put("reason", idVerdictReason[i + 2])
                    .put("confidence", 0.9);
        }
        return root.toString();
    }

    private static String allPass() {
        List<String> parts = new ArrayList<>();
        AuditChecklist.ALL.forEach(i -> parts.addAll(List.of(i.id(), "pass", "seen")));
        return answer(parts.toArray(String[]::new));
    }

    private JsonNode userContent(int request) {
        return server.requests().get(request).path("messages").get(1).path("content");
    }

    @Test
    void sendsTheEvidenceAndBothScreenshotsButNeverTheCreatorsNotes() {
        server.then(FakeLlmServer.reply(allPass()), FakeLlmServer.reply(allPass()));
        AuditReport report = auditor.audit(input(creation("sum_a", "sum_b"), true));

        assertThat(report.auditor()).isEqualTo("vlm");
        assertThat(report.tasks()).extracting(TaskAudit::task).containsExactly("sum_a", "sum_b");
        assertThat(report.passed()).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
        JsonNode content = userContent(0);
        List<String> images = new ArrayList<>();
        content.forEach(part -> {
            if (part.path("type").asText().equals("image_url")) {
                images.add(part.path("image_url").path("url").asText());
            }
        });
        assertThat(images).containsExactly("data:image/png;base64," + Base64.getEncoder().encodeToString(startPng),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(endPng));
        String text = content.get(0).path("text").asText();
        assertThat(text).contains("Add a last line to ~/notes.tsv").contains("total = 1047490 (source: sum of employment; verified)")
                .contains("Checker at the start: FAILED").contains("Checker after the oracle: PASSED").contains("= \"1047490\"")
                .contains("soc employment 15-1211").contains("image 1 is the start screenshot").contains("image 2 is the end screenshot");
        String system = server.requests().get(0).path("messages").get(0).path("content").asText();
        AuditChecklist.ALL.forEach(i -> assertThat(system).contains(i.id()).contains(i.question()));
        server.requests().forEach(r -> assertThat(r.toString()).doesNotContain("CREATOR-SECRET"));
    }

    @Test
    void mapsTheAnswersToVerdictsAndMarksUnansweredItemsPartial() {
        String reply = "```json\n" + answer(AuditChecklist.SETUP.id(), "pass", "the editor is shown", AuditChecklist.ORACLE.id(), "FAIL",
                "the last line is empty", "made_up_item", "fail", "ignored") + "\n```";
        server.then(FakeLlmServer.reply(reply));
        TaskAudit audit = auditor.audit(input(creation("sum_a"), true)).tasks().get(0);

        assertThat(audit.items()).extracting(ItemVerdict::item).containsExactlyElementsOf(
                AuditChecklist.ALL.stream().map(AuditChecklist.Item::id).toList());
        ItemVerdict setup = audit.items().get(0);
        assertThat(setup.verdict()).isEqualTo(AuditVerdict.PASS);
        assertThat(setup.reason()).isEqualTo("the editor is shown (confidence 0.90)");
        assertThat(setup.description()).isEqualTo(AuditChecklist.SETUP.question());
        ItemVerdict oracle = audit.items().stream().filter(i -> i.item().equals(AuditChecklist.ORACLE.id())).findFirst().orElseThrow();
        assertThat(oracle.verdict()).isEqualTo(AuditVerdict.FAIL);
        assertThat(oracle.evidence()).containsExactly(START, END, "probe:line");
        assertThat(audit.items()).filteredOn(i -> i.verdict() == AuditVerdict.PARTIAL).hasSize(7)
                .allSatisfy(i -> assertThat(i.reason()).isEqualTo("not answered"));
        assertThat(audit.passed()).isFalse();
    }

    @Test
    void asksAgainAfterAReplyThatIsNotJson() {
        server.then(FakeLlmServer.reply("Everything looks fine to me."), FakeLlmServer.reply(allPass()));
        AuditReport report = auditor.audit(input(creation("sum_a"), true));
        assertThat(report.passed()).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
        JsonNode messages = server.requests().get(1).path("messages");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("Everything looks fine to me.");
        assertThat(messages.get(3).path("content").asText()).contains("refused: the reply is not a valid JSON object");
    }

    @Test
    void refusesAnUnknownVerdict() {
        server.then(FakeLlmServer.reply(answer(AuditChecklist.SETUP.id(), "maybe", "hm")), FakeLlmServer.reply(allPass()));
        auditor.audit(input(creation("sum_a"), true));
        assertThat(server.requests().get(1).path("messages").get(3).path("content").asText())
                .contains("item setup_runs: verdict must be pass, partial or fail, was \"maybe\"");
    }

    @Test
    void failsWithTheReasonWhenNoReplyFollowsTheSchema() {
        server.then(FakeLlmServer.reply("{\"verdicts\": []}"), FakeLlmServer.reply("{\"items\": [{\"id\": \"nope\"}]}"),
                FakeLlmServer.reply(allPass()));
        assertThatThrownBy(() -> auditor.audit(input(creation("sum_a"), true))).isInstanceOf(AgentException.class)
                .hasMessageStartingWith("vlm auditor, audit of sum_a: the model's reply broke the schema 2 times; last reason: "
                        + "no audit item was answered");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void auditsAFailedSetupWithoutScreenshots() {
        server.then(FakeLlmServer.reply(answer(AuditChecklist.SETUP.id(), "fail", "setup failed")));
        TaskAudit audit = auditor.audit(input(creation("sum_a"), false)).tasks().get(0);
        assertThat(audit.overall()).isEqualTo(AuditVerdict.FAIL);
        JsonNode content = userContent(0);
        String text = content.isTextual() ? content.asText() : content.get(0).path("text").asText();
        assertThat(content.toString()).doesNotContain("image_url");
        assertThat(text).contains("Setup: FAILED: xdotool: no display").contains("No screenshots are attached.");
    }

    @Test
    void whatTheSandboxShowedReachesThePromptBoundedAndClean() {
        server.then(FakeLlmServer.reply(allPass()));
        TaskDraft t = task("noisy");
        var c = t.checker().conditions().get(0);
        WindowInfo w = new WindowInfo("0x1", "\u001b]0;pwned\u0007" + TestPlugin.TITLE + " " + "t".repeat(1 << 20), "\u001b[1mEditor", 0, 0,
                800, 600);
        TaskEvidence e = new TaskEvidence(t.name(), Noise.EIGHT_MIB, START, null, List.of(w, w), w,
                List.of(new TaskEvidence.ProbeReading("line", c.args().toString(), Noise.EIGHT_MIB)), List.of(), null, null,
                Noise.EIGHT_MIB, Noise.EIGHT_MIB, 5, null);

        auditor.audit(new AuditInput("editor", "Test text editor", List.of(new AuditInput.TaskUnderAudit(t, e)),
                Map.of(START, startPng)::get));

        String text = userContent(0).get(0).path("text").asText();
        Noise.assertBoundedAndClean("audit prompt", text, 4 * Clip.PROMPT_SECTION);
        assertThat(text).contains("FAILED: ").contains(Noise.TAIL).contains("bytes]");
    }
}
