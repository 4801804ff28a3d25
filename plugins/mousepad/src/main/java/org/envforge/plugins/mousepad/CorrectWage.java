package org.envforge.plugins.mousepad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** Correct a wage figure that has two digits swapped, given the right BLS value. */
final class CorrectWage implements TaskTemplate {

    @Override
    public String id() {
        return "fix_number";
    }

    @Override
    public String title() {
        return "Correct a mistyped wage in a text list of occupations";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = MousepadGui.random(ctx, id());
        Roster roster = Roster.sample(ctx, r, 8, 10);
        String right = roster.text();
        List<SeedData.Occupation> order = new ArrayList<>(roster.rows());
        Collections.shuffle(order, r);
        for (SeedData.Occupation o : order) {
            long wage = Math.round(o.annualMeanWage());
            Optional<Long> typo = Typos.swapDigits(wage, r);
            if (typo.isEmpty()) {
                continue;
            }
            String good = Roster.money(wage);
            String bad = Roster.money(typo.get());
            String start = right.replace(Roster.line(o), Roster.line(o).replace(" | " + good, " | " + bad));
            if (Typos.count(start, bad) == 1 && !start.equals(right)) {
                return draft(ctx, roster, o, good, bad, start, right);
            }
        }
        throw new IllegalStateException("no wage of " + roster.groupTitle() + " can be mistyped uniquely");
    }

    private TaskDraft draft(TemplateContext ctx, Roster roster, SeedData.Occupation o, String good, String bad, String start,
            String expected) {
        String file = "reports/" + roster.fileName();
        String instruction = "In ~/" + file + ", a list of " + roster.groupTitle() + " occupations, the annual mean wage shown "
                + "for " + o.title() + " (SOC " + o.soc() + ") has a typo: BLS OEWS May 2023 reports " + good + ". Correct that "
                + "figure in Mousepad, in the same format, change nothing else, and save the file.";
        List<Action> oracle = new ArrayList<>(MousepadGui.focus(file));
        oracle.addAll(MousepadGui.selectFirst(bad));
        oracle.add(new Action.TypeText(good));
        oracle.addAll(MousepadGui.save());
        String line = Roster.line(o);
        Checker.Probes checker = new Checker.Probes(List.of(
                Drafts.condition("file_text", "contains", line, "path", "~/" + file),
                Drafts.condition("file_text", "equals", expected, "path", "~/" + file)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("wage_fixed", 60, "The line of " + o.soc() + " shows " + good + " instead of " + bad + ".",
                        "The editor shows \"" + line + "\"."),
                Drafts.item("format_kept", 15, "The figure keeps the $ sign and comma separators.", "It reads " + good + "."),
                Drafts.item("saved_unchanged", 25, "The file is saved and nothing else changed.",
                        "The title bar shows no leading * after saving; other lines are as at the start.")),
                List.of(Drafts.integrity("no_other_edits", "No other figure or line was edited.",
                        "Only the wage of " + o.soc() + " differs from the start.")),
                "The wage of " + o.soc() + " must read " + good + " (it was mistyped as " + bad + ").");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("right_wage", good, "BLS OEWS May 2023 A_MEAN of " + o.soc() + " (" + ctx.data().provenance() + ")"),
                Drafts.fact("typo_wage", bad, "the right wage with two neighbouring digits swapped"),
                Drafts.fact("fixed_line", line, "the occupation's line with the right wage")),
                "Change " + bad + " to " + good + " on the line of " + o.soc() + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(20).timeoutSeconds(180)
                .files(Map.of(file, Roster.bytes(start), MousepadGui.SETTINGS_FILE, MousepadGui.settings()))
                .launch(MousepadGui.launch(file)).windowTitle(MousepadGui.windowTitle(file)).checker(checker).checklist(checklist)
                .privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("soc", Drafts.json(o.soc()), "right_wage", Drafts.json(good), "typo_wage", Drafts.json(bad), "file",
                        Drafts.json("~/" + file)))
                .provenance(ctx.data().provenance()).build();
    }
}
