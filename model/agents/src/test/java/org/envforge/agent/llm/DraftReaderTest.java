package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.envforge.action.Action;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.PrivilegedInfo;
import org.junit.jupiter.api.Test;

/** Validation of the creator's replies against the schema and the plugin. */
class DraftReaderTest {

    private final DraftReader reader = new DraftReader(new TestPlugin());

    private TaskDraft read(String reply) throws ReplyRejected {
        return reader.read(reply, n -> n == null ? "unnamed" : n);
    }

    private String broken(Consumer<ObjectNode> change) {
        ObjectNode o = GoodTask.json("t");
        change.accept(o);
        return o.toString();
    }

    @Test
    void readsASoundTask() throws ReplyRejected {
        TaskDraft d = read(GoodTask.reply("analysts_total"));
        assertThat(d.template()).isEqualTo("llm");
        assertThat(d.name()).isEqualTo("analysts_total");
        assertThat(d.maxSteps()).isEqualTo(15);
        assertThat(d.timeoutSeconds()).isEqualTo(180);
        assertThat(new String(d.files().get("analysts.tsv"), StandardCharsets.UTF_8)).startsWith("soc\temployment\n15-1211");
        assertThat(d.launch()).containsExactly("editor", "--title", TestPlugin.TITLE, "analysts.tsv");
        assertThat(d.checker().conditions()).hasSize(2);
        assertThat(d.checker().conditions().get(0).expected().asLong()).isEqualTo(696100);
        assertThat(d.checklist().totalPoints()).isEqualTo(100);
        assertThat(d.checklist().privilegedInfo()).isEqualTo("The total is 696100.");
        assertThat(d.privilegedInfo().items()).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(PrivilegedInfo.Status.UNVERIFIED));
        assertThat(d.metadata().get("total").asLong()).isEqualTo(696100);
        assertThat(d.oracle()).hasSize(4).first().isInstanceOf(Action.WaitForWindow.class);
        assertThat(d.provenance()).isEqualTo(TinySeedData.PROVENANCE);
    }

    @Test
    void toleratesCodeFencesAndProse() throws ReplyRejected {
        TaskDraft d = read("Here is the task:\n```json\n" + GoodTask.reply("fenced") + "\n```\nGood luck!");
        assertThat(d.name()).isEqualTo("fenced");
    }

    @Test
    void toleratesCommentsAndTrailingCommas() throws ReplyRejected {
        String reply = GoodTask.reply("commented").replaceFirst("\\{", "{ // the task\n").replaceFirst("\n}\\s*$", ",\n}");
        assertThat(reply).contains("// the task").endsWith(",\n}");
        assertThat(read(reply).name()).isEqualTo("commented");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> read("I cannot do that.")).isInstanceOf(ReplyRejected.class)
                .hasMessageContaining("not a valid JSON object");
        assertThatThrownBy(() -> read("{\"instruction\": ")).isInstanceOf(ReplyRejected.class).hasMessageContaining("line 1");
    }

    @Test
    void refusesAnUnknownProbeNamingTheKnownOnes() {
        String reply = broken(o -> ((ObjectNode) o.at("/checker/conditions/0")).put("probe", "cell"));
        assertThatThrownBy(() -> read(reply)).isInstanceOf(ReplyRejected.class)
                .hasMessageContaining("checker.conditions[0]: unknown probe \"cell\"")
                        .hasMessageContaining("[line, file_text, file_exists, command]");
    }

    @Test
    void refusesAnUnknownOp() {
        String reply = broken(o -> ((ObjectNode) o.at("/checker/conditions/0")).put("op", "greater_than"));
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("unknown op \"greater_than\"");
    }

    @Test
    void refusesANonNumericExpectationForEqualsNumber() {
        String reply = broken(o -> ((ObjectNode) o.at("/checker/conditions/0")).put("expected", "lots"));
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("equals_number needs a number");
    }

    @Test
    void refusesPointsThatDoNotAddUpTo100() {
        String reply = broken(o -> ((ObjectNode) o.at("/checklist/completion/1")).put("points", 20));
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("points add up to 90, not 100");
    }

    @Test
    void refusesAnOracleActionThatDoesNotParse() {
        String reply = broken(o -> o.withArray("oracle").addObject().putObject("mouse").put("wiggle", 3));
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("oracle/4: mouse: unknown action wiggle");
    }

    /** A wait of a day in an oracle would hold the job; the creator is told to fix it instead. */
    @Test
    void refusesOracleWaitsLongerThanAnActionMayWait() {
        String reply = broken(o -> {
            o.withArray("oracle").addObject().putObject("control").put("wait", 100_000);
            o.withArray("oracle").addObject().putObject("control").putObject("wait_for_window").put("title", "x").put("timeout", 100_000);
        });
        assertThatThrownBy(() -> read(reply))
                .hasMessageMatching("(?s).*oracle action \\d+: a wait of 100000000 ms is longer than the 60 s .*")
                .hasMessageContaining("a wait for a window of 100000000 ms is longer than the 120 s one action may wait");
    }

    @Test
    void refusesAnEmptyLaunch() {
        String reply = broken(o -> o.putArray("launch"));
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("\"launch\" must be a non-empty list");
    }

    @Test
    void refusesWrongTypesAndMissingFields() {
        String reply = broken(o -> {
            o.put("max_steps", "many");
            o.remove("instruction");
            o.put("difficulty", "trivial");
            o.putObject("files").put("/etc/passwd", "x");
            o.remove("privileged_info");
        });
        assertThatThrownBy(() -> read(reply)).hasMessageContaining("\"instruction\" is missing")
                .hasMessageContaining("\"max_steps\" must be a whole number").hasMessageContaining("\"difficulty\" must be one of")
                .hasMessageContaining("files: \"/etc/passwd\" must be a path relative").hasMessageContaining("\"privileged_info\" must be");
    }

    @Test
    void writesBackWhatItReads() throws ReplyRejected {
        TaskDraft d = read(GoodTask.reply("round_trip"));
        String again = new DraftWriter(100).write(d).toString();
        TaskDraft e = read(again);
        assertThat(e.instruction()).isEqualTo(d.instruction());
        assertThat(e.checker()).isEqualTo(d.checker());
        assertThat(e.checklist()).isEqualTo(d.checklist());
        assertThat(e.oracle()).isEqualTo(d.oracle());
        assertThat(e.files().keySet()).isEqualTo(d.files().keySet());
    }
}
