package org.envforge.plugins.xterm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Move the CSV files of a reports folder into a new archive folder, leaving the text notes. */
final class ArchiveCsv implements TaskTemplate {

    @Override
    public String id() {
        return "archive_csv";
    }

    @Override
    public String title() {
        return "Move every .csv report into a new archive folder";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<SeedData.Occupation> rows = ShellTasks.group(ctx, r, 6, 7);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> csv = new ArrayList<>();
        List<String> txt = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SeedData.Occupation o = rows.get(i);
            String base = o.soc().replace("-", "") + "_" + Drafts.slug(o.title());
            if (base.length() > 48) {
                base = base.substring(0, 48);
            }
            if (i % 2 == 0) {
                String name = base + ".csv";
                csv.add(name);
                files.put("reports/" + name, Drafts.csv(List.of("soc", "title", "employment", "annual_mean_wage"),
                        List.of(List.of(o.soc(), o.title(), o.employment(), Math.round(o.annualMeanWage())))));
            } else {
                String name = base + ".txt";
                txt.add(name);
                files.put("reports/" + name, (o.title() + "\n\n" + o.description() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String expectedArchive = String.join(" ", csv.stream().sorted().toList());
        String expectedReports = String.join(" ", txt.stream().sorted().toList());
        String instruction = "In the terminal, create the folder ~/archive and move every .csv file from ~/reports into it. "
                + "The .txt notes must stay in ~/reports.";
        List<Action> oracle = new ArrayList<>(ShellTasks.focusTerminal());
        oracle.addAll(Drafts.typeLine("mkdir -p ~/archive && mv ~/reports/*.csv ~/archive/"));
        oracle.add(new Action.Wait(300));
        String ls = "cd ~/%s 2>/dev/null && ls -1 | sort | tr '\\n' ' ' | sed 's/ $//'";
        Checker.Probes checker = new Checker.Probes(List.of(
                Drafts.condition("command", "equals", expectedArchive, "command", String.format(ls, "archive")),
                Drafts.condition("command", "equals", expectedReports, "command", String.format(ls, "reports"))));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("archive_created", 20, "The folder ~/archive exists.", "A mkdir of ~/archive was run."),
                Drafts.item("csv_moved", 50, "All " + csv.size() + " .csv files are in ~/archive.",
                        "A mv of ~/reports/*.csv (or of each CSV file) into ~/archive was run without errors."),
                Drafts.item("txt_kept", 30, "The " + txt.size() + " .txt notes are still in ~/reports.",
                        "No command moved or deleted the .txt files.")),
                List.of(Drafts.integrity("no_deletion", "No report was deleted.", "No rm command on ~/reports was run.")),
                "~/archive should hold " + expectedArchive + "; ~/reports should keep " + expectedReports + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(Drafts.fact("csv_files", expectedArchive, "files seeded into ~/reports"),
                Drafts.fact("txt_files", expectedReports, "files seeded into ~/reports (O*NET descriptions)")),
                "Move the " + csv.size() + " CSV files; keep the " + txt.size() + " text files.", "high", false);
        return TaskDraft.builder().template(id()).name("archive_csv_s" + ctx.seed()).instruction(instruction).difficulty("easy")
                .maxSteps(10).timeoutSeconds(120).files(files).launch(XtermPlugin.LAUNCH).windowTitle("^" + XtermPlugin.TITLE + "$")
                .checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("csv_files", Drafts.json(expectedArchive), "txt_files", Drafts.json(expectedReports)))
                .provenance(ctx.data().provenance()).build();
    }
}
