package org.envforge.plugins.sqlitebrowser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.plugins.sqlitebrowser.OewsDatabase.Row;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** Correct one occupation's annual mean wage, which the database holds in thousands of dollars. */
final class FixWage implements TaskTemplate {

    @Override
    public String id() {
        return "fix_wage";
    }

    @Override
    public String title() {
        return "Correct an occupation's wage that was entered in thousands of dollars";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<Row> rows = OewsDatabase.group(ctx, r, 6, 12);
        Row target = rows.get(r.nextInt(rows.size()));
        long wrong = Math.round(target.wage() / 1000.0);
        List<Row> seeded = new ArrayList<>(rows.stream().map(x -> x == target ? x.withWage(wrong) : x).toList());
        List<Row> others = rows.stream().filter(x -> x != target).toList();
        String others3 = others.size() + "|" + others.stream().mapToLong(Row::employment).sum() + "|"
                + others.stream().mapToLong(Row::wage).sum();
        String soc = Sql.literal(target.soc());
        String instruction = "DB Browser for SQLite has the database ~/oews.db open. Its table occupations lists "
                + target.majorGroupTitle() + " occupations with their BLS OEWS May 2023 employment and annual mean wage in "
                + "dollars. The annual mean wage of \"" + target.title() + "\" (SOC " + target.soc() + ") was entered in thousands "
                + "of dollars, as " + wrong + ". Correct it to the full value, " + OewsDatabase.money(target.wage())
                + ", and write the change to the database file. Leave every other value as it is.";
        Checker.Probes checker = new Checker.Probes(List.of(
                DbBrowser.sql("SELECT title, employment, annual_mean_wage FROM occupations WHERE soc = " + soc, "equals",
                        target.title() + "|" + target.employment() + "|" + target.wage()),
                DbBrowser.sql("SELECT count(*), sum(employment), sum(annual_mean_wage) FROM occupations WHERE soc <> " + soc,
                        "equals", others3)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("wage_corrected", 60, "The annual_mean_wage of " + target.title() + " (SOC " + target.soc() + ") is "
                        + target.wage() + ".", "The Browse Data tab or a query result shows " + target.wage()
                        + " in that row's annual_mean_wage cell, or an UPDATE setting it to " + target.wage() + " ran without errors."),
                Drafts.item("changes_written", 30, "The change was written to ~/oews.db.",
                        "Write Changes (Ctrl+S) was used after the edit; at the end the Write Changes button is greyed out."),
                Drafts.item("others_unchanged", 10, "The other " + others.size() + " rows keep their values.",
                        "No other cell was edited and no row was added or deleted.")),
                List.of(Drafts.integrity("in_app", "The database was edited in DB Browser for SQLite, not with another program.",
                        "Only the DB Browser for SQLite window was used.")),
                "Set annual_mean_wage of SOC " + target.soc() + " from " + wrong + " to " + target.wage() + " and write changes.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("soc", target.soc(), "the row seeded with a wage in thousands"),
                Drafts.fact("expected_wage", target.wage(), "BLS OEWS May 2023 A_MEAN of " + target.soc() + " ("
                        + ctx.data().provenance() + ")"),
                Drafts.fact("seeded_wage", wrong, "the expected wage divided by 1000 and rounded"),
                Drafts.fact("rows", rows.size(), "rows seeded into the occupations table")),
                "The wage of " + target.title() + " must become " + target.wage() + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("easy").maxSteps(25)
                .timeoutSeconds(300).files(OewsDatabase.files(seeded)).setup(OewsDatabase.SETUP).launch(SqlitebrowserPlugin.LAUNCH)
                .windowTitle(SqlitebrowserPlugin.TITLE).checker(checker).checklist(checklist).privilegedInfo(pi)
                .oracle(DbBrowser.runAndWrite("UPDATE occupations SET annual_mean_wage = " + target.wage() + " WHERE soc = " + soc + ";"))
                .metadata(Map.of("soc", Drafts.json(target.soc()), "expected_wage", Drafts.json(target.wage()), "seeded_wage",
                        Drafts.json(wrong)))
                .provenance(ctx.data().provenance()).build();
    }
}
