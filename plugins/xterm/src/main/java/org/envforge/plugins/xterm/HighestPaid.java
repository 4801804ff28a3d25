package org.envforge.plugins.xterm;

import java.util.ArrayList;
import java.util.Comparator;
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

/** Find the best-paid occupation in a data file and write its title. */
final class HighestPaid implements TaskTemplate {

    @Override
    public String id() {
        return "highest_paid";
    }

    @Override
    public String title() {
        return "Find the highest-paid occupation in a tab-separated file";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<SeedData.Occupation> rows = ShellTasks.group(ctx, r, 6, 12);
        List<SeedData.Occupation> byWage = rows.stream()
                .sorted(Comparator.comparingDouble(SeedData.Occupation::annualMeanWage).reversed()).toList();
        if (Math.round(byWage.get(0).annualMeanWage()) == Math.round(byWage.get(1).annualMeanWage())) {
            // A tie would make two answers right; drop the runner-up.
            rows = rows.stream().filter(o -> o != byWage.get(1)).toList();
        }
        SeedData.Occupation top = byWage.get(0);
        String file = ShellTasks.fileName(top);
        String answer = "answers/top.txt";
        String instruction = "In the terminal, find the occupation with the highest annual mean wage in ~/data/" + file
                + " (tab-separated: SOC code, title, employment, annual mean wage in dollars) and write its title, exactly as in "
                + "the file, into ~/" + answer + ".";
        List<Action> oracle = new ArrayList<>(ShellTasks.focusTerminal());
        oracle.addAll(Drafts.typeLine("mkdir -p ~/answers && tail -n +2 ~/data/" + file
                + " | sort -t$'\\t' -k4,4nr | head -1 | cut -f2 > ~/" + answer));
        oracle.add(new Action.Wait(300));
        Checker.Probes checker = new Checker.Probes(List.of(Drafts.condition("file_text", "equals", top.title(), "path", "~/" + answer)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("answer_file", 20, "The file ~/" + answer + " exists.", "A command that writes ~/" + answer + " was run."),
                Drafts.item("answer_title", 80, "It holds the title \"" + top.title() + "\".",
                        "The terminal shows the title " + top.title() + " as the result, or a sort on column 4.")),
                List.of(Drafts.integrity("data_untouched", "The data file was not edited.", "No command wrote to ~/data/" + file + ".")),
                "The highest-paid occupation in the file is " + top.title() + " at $" + Math.round(top.annualMeanWage()) + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("expected_title", top.title(), "the row with the largest annual_mean_wage (" + ctx.data().provenance() + ")"),
                Drafts.fact("expected_wage", Math.round(top.annualMeanWage()), "BLS OEWS May 2023 A_MEAN of " + top.soc())),
                "The answer is " + top.title() + ".", "high", false);
        return TaskDraft.builder().template(id()).name("highest_paid_s" + ctx.seed()).instruction(instruction).difficulty("easy")
                .maxSteps(15).timeoutSeconds(180).files(Map.of("data/" + file, ShellTasks.table(rows))).launch(XtermPlugin.LAUNCH)
                .windowTitle("^" + XtermPlugin.TITLE + "$").checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_title", Drafts.json(top.title()))).provenance(ctx.data().provenance()).build();
    }
}
