package org.envforge.plugins.gnumeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.spec.Checker;
import org.junit.jupiter.api.Test;

/** The drafts themselves, without a sandbox. */
class TemplatesTest {

    private final GnumericPlugin plugin = new GnumericPlugin();

    private TaskDraft draft(TaskTemplate t, long seed) {
        return t.generate(new TemplateContext(seed, PluginContract.seedData(), "gnumeric_env@1"));
    }

    @Test
    void everyDraftIsCompleteAndDeterministic() {
        for (TaskTemplate t : plugin.templates()) {
            for (long seed = 0; seed < 25; seed++) {
                TaskDraft d = draft(t, seed);
                PluginContract.checkDraft(d);
                assertThat(draft(t, seed)).as("same seed, same task").usingRecursiveComparison().isEqualTo(d);
            }
        }
    }

    @Test
    void instructionsSayWhatNotWhichKeys() {
        for (TaskTemplate t : plugin.templates()) {
            String text = draft(t, 3).instruction().toLowerCase();
            assertThat(text).contains("save").doesNotContain("ctrl").doesNotContain("press").doesNotContain("=sum")
                    .doesNotContain("sumproduct").doesNotContain("index(");
        }
    }

    @Test
    void checkersOnlyUseThePluginsProbes() {
        for (TaskTemplate t : plugin.templates()) {
            for (Checker.Condition c : draft(t, 5).checker().conditions()) {
                assertThat(plugin.probe(c.probe())).as(c.probe()).isPresent();
                assertThat(plugin.probe(c.probe()).orElseThrow().commandLine(c.args())).isPresent();
            }
        }
    }

    @Test
    void oraclesWaitForTheWindowFocusItAndSave() {
        for (TaskTemplate t : plugin.templates()) {
            List<Action> o = draft(t, 9).oracle();
            assertThat(o.get(0)).isInstanceOf(Action.WaitForWindow.class);
            assertThat(o).anyMatch(a -> a instanceof Action.Click);
            assertThat(o).contains(Action.Key.of("ctrl", "s"));
        }
    }

    @Test
    void highestPaidHasASingleAnswer() {
        TaskTemplate t = new HighestPaid();
        for (long seed = 0; seed < 50; seed++) {
            TaskDraft d = draft(t, seed);
            double top = d.privilegedInfo().items().stream().filter(i -> i.key().equals("expected_wage")).findFirst().orElseThrow()
                    .value().asDouble();
            double second = d.privilegedInfo().items().stream().filter(i -> i.key().equals("runner_up_wage")).findFirst()
                    .orElseThrow().value().asDouble();
            assertThat(top).as(d.name()).isGreaterThan(second);
        }
    }
}
