package org.envforge.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.spec.Checker;
import org.junit.jupiter.api.Test;

/** A draft is built field by field by name, and copied with some fields changed. */
class TaskDraftBuilderTest {

    private static TaskDraft draft() {
        return TaskDraft.builder().template("total").name("total_s1").instruction("Total it.").difficulty("easy").maxSteps(10)
                .timeoutSeconds(60).files(Map.of("a.txt", "1".getBytes(StandardCharsets.UTF_8))).launch(List.of("xterm"))
                .windowTitle("^xterm$").checker(new Checker.Probes(List.of())).oracle(List.of(new Action.Wait(10)))
                .metadata(Map.of("total", Drafts.json(1))).provenance("BLS").build();
    }

    @Test
    void buildsByNameWithEmptyDefaults() {
        TaskDraft d = draft();
        assertThat(d.name()).isEqualTo("total_s1");
        assertThat(d.maxSteps()).isEqualTo(10);
        assertThat(d.timeoutSeconds()).isEqualTo(60);
        assertThat(d.launch()).containsExactly("xterm");
        assertThat(d.setup()).isEmpty();
        assertThat(d.export()).isEmpty();
        assertThat(d.checklist()).isNull();
        TaskDraft empty = TaskDraft.builder().name("x").build();
        assertThat(empty.files()).isEmpty();
        assertThat(empty.oracle()).isEmpty();
        assertThat(empty.metadata()).isEmpty();
    }

    @Test
    void copiesChangeOnlyWhatTheySay() {
        TaskDraft d = draft();
        assertThat(d.toBuilder().build()).isEqualTo(d);
        TaskDraft other = d.toBuilder().instruction("Add it up.").maxSteps(12).build();
        assertThat(other.instruction()).isEqualTo("Add it up.");
        assertThat(other.maxSteps()).isEqualTo(12);
        assertThat(other.toBuilder().instruction(d.instruction()).maxSteps(10).build()).isEqualTo(d);
        assertThat(d.withInstruction("Add it up.")).isEqualTo(d.toBuilder().instruction("Add it up.").build());
        assertThat(d.withSetup("true").setup()).isEqualTo("true");
        assertThat(d.withChecker(null).checker()).isNull();
        assertThat(d.withOracle(List.of()).oracle()).isEmpty();
        assertThat(d.withFiles(Map.of()).files()).isEmpty();
        assertThat(d.withFiles(Map.of()).withInstruction("x").name()).isEqualTo("total_s1");
    }

    @Test
    void theDraftKeepsItsOwnCollections() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("a.txt", new byte[] {1});
        TaskDraft d = TaskDraft.builder().name("x").files(files).build();
        files.put("b.txt", new byte[] {2});
        assertThat(d.files()).containsOnlyKeys("a.txt");
        assertThatThrownBy(() -> d.files().put("c", new byte[0])).isInstanceOf(UnsupportedOperationException.class);
    }
}
