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

/** Count the occupations of a data file whose annual mean wage is above a threshold. */
final class CountAboveWage implements TaskTemplate {

    @Override
    public String id() {
        return "count_above_wage";
    }

    @Override
    public String title() {
        return "Count occupations paid above a threshold in a tab-separated file";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<SeedData.Occupation> rows = ShellTasks.group(ctx, r, 8, 14);
        List<Long> wages = new ArrayList<>(rows.stream().map(o -> Math.round(o.annualMeanWage())).sorted().toList());
        // A threshold between two wages near the middle, so the count is neither 0 nor all.
        int k = wages.size() / 3 + r.nextInt(Math.max(1, wages.size() / 3));
        long threshold = (wages.get(k) + wages.get(k + 1)) / 2 / 1000 * 1000;
        long count = wages.stream().filter(w -> w > threshold).count();
        String file = ShellTasks.fileName(rows.get(0));
        String answer = "answers/count.txt";
        String instruction = "In the terminal, the file ~/data/" + file + " lists " + rows.get(0).majorGroupTitle()
                + " occupations (tab-separated: SOC code, title, employment, annual mean wage in dollars). Write the number of "
                + "occupations whose annual mean wage is greater than " + ShellTasks.money(threshold) + " into the file ~/"
                + answer + ", as a bare number.";
        List<Action> oracle = new ArrayList<>(ShellTasks.focusTerminal());
        oracle.addAll(Drafts.typeLine("mkdir -p ~/answers && awk -F'\\t' 'NR>1 && $4>" + threshold + "' ~/data/" + file
                + " | wc -l > ~/" + answer));
        oracle.add(new Action.Wait(300));
        Checker.Probes checker = new Checker.Probes(List.of(Drafts.condition("file_text", "equals_number", count, "path", "~/" + answer)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("answer_file", 30, "The file ~/" + answer + " exists.", "A command that writes ~/" + answer
                        + " was run in the terminal, without an error shown."),
                Drafts.item("answer_value", 70, "It holds the number " + count + ".",
                        "The terminal shows the file's content as " + count + ", or a command that counts the rows above "
                                + threshold + " in column 4.")),
                List.of(Drafts.integrity("data_untouched", "The data file ~/data/" + file + " was not edited.",
                        "No editor was opened on the data file and no command wrote to it.")),
                "There are " + count + " occupations with an annual mean wage above " + threshold + " in ~/data/" + file + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("threshold_usd", threshold, "chosen between the " + k + "th and " + (k + 1) + "th lowest wages"),
                Drafts.fact("expected_count", count, "counted from the seeded rows (" + ctx.data().provenance() + ")"),
                Drafts.fact("rows", rows.size(), "rows written to ~/data/" + file)),
                "The answer is " + count + ".", "high", false);
        return TaskDraft.builder().template(id()).name("count_above_wage_s" + ctx.seed()).instruction(instruction).difficulty("easy")
                .maxSteps(15).timeoutSeconds(180).files(Map.of("data/" + file, ShellTasks.table(rows))).launch(XtermPlugin.LAUNCH)
                .windowTitle("^" + XtermPlugin.TITLE + "$").checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_count", Drafts.json(count), "threshold", Drafts.json(threshold), "data_file",
                        Drafts.json("~/data/" + file)))
                .provenance(ctx.data().provenance()).build();
    }
}
