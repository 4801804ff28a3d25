package org.envforge.agent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** A plugin for agent tests: xterm, one template that writes the employment total of a group to a file. */
public final class StubPlugin implements SoftwarePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("stub", "xterm stub", List.of("xterm"), List.of("xterm"), List.of(), List.of());
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new Total(), new Total() {
            @Override
            public String id() {
                return "total2";
            }
        });
    }

    /** The template. */
    public static class Total implements TaskTemplate {
        @Override
        public String id() {
            return "total";
        }

        @Override
        public String title() {
            return "Total employment";
        }

        @Override
        public TaskDraft generate(TemplateContext ctx) {
            var rows = ctx.data().occupations().subList((int) (ctx.seed() % 50), (int) (ctx.seed() % 50) + 4);
            long total = rows.stream().mapToLong(o -> o.employment()).sum();
            StringBuilder tsv = new StringBuilder("title\temployment\n");
            rows.forEach(o -> tsv.append(o.title()).append('\t').append(o.employment()).append('\n'));
            String cmd = "awk -F'\\t' 'NR>1 {s+=$2} END {print s}' ~/data.tsv > ~/total.txt";
            return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed())
                    .instruction("Add up the employment column of ~/data.tsv and write the total into ~/total.txt as a bare number.")
                    .difficulty("easy").maxSteps(10).timeoutSeconds(60)
                    .files(Map.of("data.tsv", tsv.toString().getBytes(StandardCharsets.UTF_8)))
                    .launch(List.of("xterm", "-T", "Stub", "-geometry", "80x20+0+0", "-e", "bash", "--norc", "-i")).windowTitle("^Stub$")
                    .checker(new Checker.Probes(List.of(Drafts.condition("file_text", "equals_number", total, "path", "~/total.txt"))))
                    .checklist(new Checklist(List.of(Drafts.item("total", 100, "total.txt holds " + total, "")),
                            List.of(Drafts.integrity("gui", "used the terminal", "")), "total is " + total))
                    .privilegedInfo(new PrivilegedInfo(List.of(Drafts.fact("expected_total", total, "sum of the rows")), "", "high", false))
                    .oracle(List.of(new Action.WaitForWindow("^Stub$", 10_000), Action.Click.left(200, 100),
                            new Action.TypeText(cmd + "\n"), new Action.Wait(300)))
                    .provenance("BLS OEWS May 2023 (test)").build();
        }
    }
}
