package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.Probe;
import org.envforge.plugin.ProductMapping;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.Session;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** A small plugin for a text editor: one probe (a line of a file) and one template (sum a column). */
final class TestPlugin implements SoftwarePlugin {

    static final String TITLE = "Notes - Editor";
    static final List<String> LAUNCH = List.of("editor", "--title", TITLE);

    /** Reads one line of a file; never run in these tests. */
    static final Probe LINE = new Probe() {
        @Override
        public String id() {
            return "line";
        }

        @Override
        public String describe() {
            return "one line of a text file (args: path, number from 1)";
        }

        @Override
        public String read(Session session, JsonNode args) {
            throw new UnsupportedOperationException("not run in tests");
        }
    };

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("editor", "Test text editor", List.of("editor-pkg"), List.of("editor"),
                List.of(ProductMapping.substitute("Notepad")), List.of("15-0000"));
    }

    @Override
    public List<Probe> probes() {
        return List.of(LINE);
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new SumColumn());
    }

    /** Writes the employment total of a group's rows on the file's last line. */
    static final class SumColumn implements TaskTemplate {
        @Override
        public String id() {
            return "sum_column";
        }

        @Override
        public String title() {
            return "Add up a column";
        }

        @Override
        public TaskDraft generate(TemplateContext ctx) {
            List<SeedData.Occupation> rows = ctx.data().occupations("15-0000");
            long total = rows.stream().mapToLong(SeedData.Occupation::employment).sum();
            List<List<Object>> data = rows.stream().map(o -> List.<Object>of(o.soc(), o.employment())).toList();
            Checker.Probes checker = new Checker.Probes(List.of(Drafts.condition("line", "equals_number", total, "path",
                    "~/notes.tsv", "number", String.valueOf(rows.size() + 2))));
            Checklist checklist = new Checklist(List.of(Drafts.item("total", 100, "The last line holds " + total + ".", "Shown.")),
                    List.of(Drafts.integrity("rows_kept", "The rows are unchanged.", "Rows visible.")), "Total " + total);
            PrivilegedInfo pi = new PrivilegedInfo(List.of(Drafts.fact("total", total, "sum of employment")), "Total", "high", false);
            List<Action> oracle = List.of(new Action.WaitForWindow(TITLE, 10_000), Action.Key.of("ctrl", "end"),
                    new Action.TypeText(Long.toString(total)), Action.Key.of("ctrl", "s"));
            return TaskDraft.builder().template(id()).name("sum_column_s" + ctx.seed())
                    .instruction("Add a last line to ~/notes.tsv holding the total employment of the rows above.").difficulty("easy")
                    .maxSteps(10).timeoutSeconds(120).files(Map.of("notes.tsv", Drafts.tsv(List.of("soc", "employment"), data)))
                    .launch(LAUNCH).windowTitle("^" + TITLE + "$").checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                    .metadata(Map.of("total", Drafts.json(total))).provenance(ctx.data().provenance()).build();
        }
    }
}
