package org.envforge.plugins.xterm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** Sum the employment column of a data file. */
final class TotalEmployment implements TaskTemplate {

    @Override
    public String id() {
        return "total_employment";
    }

    @Override
    public String title() {
        return "Total the employment column of a tab-separated file";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<SeedData.Occupation> rows = ShellTasks.group(ctx, r, 5, 10);
        long total = rows.stream().mapToLong(SeedData.Occupation::employment).sum();
        String file = ShellTasks.fileName(rows.get(0));
        String answer = "answers/total.txt";
        String instruction = "Using the terminal, add up the employment column (column 3) of ~/data/" + file
                + ", a tab-separated list of " + rows.get(0).majorGroupTitle() + " occupations, and write the total into ~/" + answer
                + " as a bare whole number.";
        List<Action> oracle = new ArrayList<>(ShellTasks.focusTerminal());
        oracle.addAll(Drafts.typeLine("mkdir -p ~/answers && awk -F'\\t' 'NR>1 {s+=$3} END {printf \"%d\\n\", s}' ~/data/" + file
                + " > ~/" + answer));
        oracle.add(new Action.Wait(300));
        Checker.Probes checker = new Checker.Probes(List.of(Drafts.condition("file_text", "equals_number", total, "path", "~/" + answer)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("answer_file", 20, "The file ~/" + answer + " exists.", "A command writing ~/" + answer + " was run."),
                Drafts.item("answer_total", 80, "It holds " + total + ".", "The terminal shows " + total + ".")),
                List.of(Drafts.integrity("data_untouched", "The data file was not edited.", "No command wrote to ~/data/" + file + ".")),
                "The employment total of the " + rows.size() + " rows is " + total + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(Drafts.fact("expected_total", total, "sum of TOT_EMP of the seeded rows ("
                + ctx.data().provenance() + ")"), Drafts.fact("rows", rows.size(), "rows in ~/data/" + file)),
                "The answer is " + total + ".", "high", false);
        return TaskDraft.builder().template(id()).name("total_employment_s" + ctx.seed()).instruction(instruction).difficulty("easy")
                .maxSteps(15).timeoutSeconds(180).files(Map.of("data/" + file, ShellTasks.table(rows))).launch(XtermPlugin.LAUNCH)
                .windowTitle("^" + XtermPlugin.TITLE + "$").checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_total", Drafts.json(total))).provenance(ctx.data().provenance()).build();
    }
}
