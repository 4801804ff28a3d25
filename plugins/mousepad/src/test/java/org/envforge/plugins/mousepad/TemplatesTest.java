package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.envforge.action.Action;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.spec.Checker;
import org.envforge.verify.ProbeChecker;
import org.junit.jupiter.api.Test;

/**
 * Every template over many seeds, without a sandbox: complete drafts, the same task for the same
 * seed, and a checker that fails on the start file and passes once the edit the oracle makes is
 * applied to it (simulated here on the text).
 */
class TemplatesTest {

    private static final MousepadPlugin PLUGIN = new MousepadPlugin();

    private static TaskDraft draft(TaskTemplate t, long seed) {
        return t.generate(new TemplateContext(seed, PluginContract.seedData(), "mousepad_env@1"));
    }

    private static String file(TaskDraft d) {
        return d.metadata().get("file").asText().substring(2);
    }

    private static String text(TaskDraft d) {
        return new String(d.files().get(file(d)), StandardCharsets.UTF_8);
    }

    /** What the task asks for, done on the start text. */
    private static String solve(TaskDraft d) {
        String start = text(d);
        java.util.Map<String, JsonNode> m = d.metadata();
        switch (d.template()) {
            case "insert_line" -> {
                List<String> lines = new ArrayList<>(TextLines.of(start));
                lines.add(m.get("line_number").asInt() - 1, m.get("line").asText());
                return String.join("\n", lines) + "\n";
            }
            case "delete_line" -> {
                String soc = m.get("deleted_soc").asText();
                assertThat(Typos.count(start, soc)).as("%s occurs once", soc).isEqualTo(1);
                return String.join("\n", TextLines.of(start).stream().filter(l -> !l.contains(soc)).toList()) + "\n";
            }
            case "fix_number" -> {
                String bad = m.get("typo_wage").asText();
                assertThat(Typos.count(start, bad)).as("%s occurs once", bad).isEqualTo(1);
                return start.replace(bad, m.get("right_wage").asText());
            }
            case "fix_misspelling" -> {
                String wrong = m.get("misspelling").asText();
                assertThat(Typos.count(start, wrong)).isEqualTo(m.get("occurrences").asInt());
                return Pattern.compile(Pattern.quote(wrong), Pattern.CASE_INSENSITIVE).matcher(start)
                        .replaceAll(m.get("word").asText());
            }
            default -> throw new AssertionError("no solution for " + d.template());
        }
    }

    /** Runs the checker's conditions on a text standing for the task file. */
    private static boolean passes(TaskDraft d, String fileText) {
        for (Checker.Condition c : d.checker().conditions()) {
            assertThat(c.args().path("path").asText()).isEqualTo("~/" + file(d));
            String actual = switch (c.probe()) {
                case "file_text" -> fileText;
                case "line_count" -> String.valueOf(TextLines.count(fileText));
                case "text_line" -> TextLines.line(fileText, c.args().path("line").asInt());
                default -> throw new AssertionError("unknown probe " + c.probe());
            };
            if (!ProbeChecker.compare(c.op(), actual, c.expected(), c.args())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void draftsAreCompleteAndTheirCheckersTellStartFromSolution() {
        for (TaskTemplate t : PLUGIN.templates()) {
            for (long seed = 0; seed < 60; seed++) {
                TaskDraft d = draft(t, seed);
                PluginContract.checkDraft(d);
                assertThat(d.template()).isEqualTo(t.id());
                assertThat(passes(d, text(d))).as("%s: the checker fails at the start", d.name()).isFalse();
                String solved = solve(d);
                assertThat(passes(d, solved)).as("%s: the checker passes once solved", d.name()).isTrue();
                assertThat(passes(d, solved.stripTrailing())).as("%s: a missing final newline is fine", d.name()).isTrue();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTask() {
        for (TaskTemplate t : PLUGIN.templates()) {
            TaskDraft a = draft(t, 5);
            TaskDraft b = draft(t, 5);
            assertThat(a.instruction()).isEqualTo(b.instruction());
            assertThat(text(a)).isEqualTo(text(b));
            assertThat(a.oracle()).isEqualTo(b.oracle());
            assertThat(text(a)).isNotEqualTo(text(draft(t, 6)));
        }
    }

    @Test
    void oraclesStartOnTheEditorWindowTypeAsciiAndSave() {
        for (TaskTemplate t : PLUGIN.templates()) {
            for (long seed = 0; seed < 20; seed++) {
                TaskDraft d = draft(t, seed);
                assertThat(d.oracle().get(0)).isEqualTo(new Action.WaitForWindow(d.windowTitle(), 15_000));
                assertThat(d.oracle()).contains(Action.Key.of("ctrl", "s"));
                d.oracle().stream().filter(Action.TypeText.class::isInstance).map(a -> ((Action.TypeText) a).text())
                        .forEach(s -> assertThat(s.chars().allMatch(c -> c >= 32 && c < 127)).as("ASCII: %s", s).isTrue());
                assertThat(Pattern.compile(d.windowTitle()).matcher("~/" + file(d) + " - Mousepad").find()).isTrue();
                assertThat(d.files()).containsKey(MousepadGui.SETTINGS_FILE);
                assertThat(String.join(" ", d.launch())).endsWith("/home/envforge/" + file(d));
            }
        }
    }

    @Test
    void theOraclesEditThroughTheEditorNotByRetyping() {
        for (TaskTemplate t : PLUGIN.templates()) {
            TaskDraft d = draft(t, 3);
            int typed = d.oracle().stream().filter(Action.TypeText.class::isInstance)
                    .mapToInt(a -> ((Action.TypeText) a).text().length()).sum();
            assertThat(typed).as("%s types much less than the file", d.name()).isLessThan(text(d).length() / 3);
        }
    }

    @Test
    void templatesOfOneSeedUseDifferentData() {
        List<String> files = PLUGIN.templates().stream().map(t -> text(draft(t, 1))).toList();
        assertThat(files).doesNotHaveDuplicates();
    }
}
