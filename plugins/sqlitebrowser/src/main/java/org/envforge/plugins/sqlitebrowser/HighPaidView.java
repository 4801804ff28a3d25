package org.envforge.plugins.sqlitebrowser;

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

/** Create a view listing the occupations whose annual mean wage reaches a threshold. */
final class HighPaidView implements TaskTemplate {

    static final String VIEW = "high_paid";

    @Override
    public String id() {
        return "high_paid_view";
    }

    @Override
    public String title() {
        return "Create a view of the occupations paid at least a given wage";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<Row> rows = OewsDatabase.groups(ctx, r, 2, 5, 8);
        long threshold = OewsDatabase.threshold(rows.stream().map(Row::wage).sorted().toList(), r);
        List<Row> listed = rows.stream().filter(x -> x.wage() >= threshold).toList();
        String socs = String.join(",", listed.stream().map(Row::soc).sorted().toList());
        String instruction = "DB Browser for SQLite has the database ~/oews.db open. Its table occupations holds BLS OEWS May "
                + "2023 figures for the occupations of " + OewsDatabase.describeGroups(rows) + ". Create a view named " + VIEW
                + " with exactly the columns soc, title and annual_mean_wage, in that order, listing the occupations whose "
                + "annual mean wage is " + OewsDatabase.money(threshold) + " or more, and write it to the database file. "
                + "Do not change the tables.";
        String wanted = "'" + VIEW + "'";
        Checker.Probes checker = new Checker.Probes(List.of(
                DbBrowser.sql("SELECT type FROM sqlite_master WHERE name = " + wanted, "equals", "view"),
                DbBrowser.sql("SELECT group_concat(name, ',') FROM pragma_table_info(" + wanted + ")", "equals",
                        "soc,title,annual_mean_wage"),
                DbBrowser.sql("SELECT group_concat(soc, ',') FROM (SELECT soc FROM " + VIEW + " ORDER BY soc)", "equals", socs),
                DbBrowser.sql("SELECT count(*), sum(annual_mean_wage) FROM occupations", "equals",
                        rows.size() + "|" + rows.stream().mapToLong(Row::wage).sum())));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("view_created", 30, "A view named " + VIEW + " exists.",
                        "The Database Structure tab lists " + VIEW + " under Views."),
                Drafts.item("view_columns", 15, "Its columns are soc, title and annual_mean_wage, in that order.",
                        "Browsing the view shows these three column headers."),
                Drafts.item("view_rows", 35, "It lists exactly the " + listed.size() + " occupations paid "
                        + OewsDatabase.money(threshold) + " or more (" + socs + ").",
                        "Browsing the view shows " + listed.size() + " rows, all with annual_mean_wage of at least " + threshold + "."),
                Drafts.item("changes_written", 20, "The view was written to ~/oews.db.",
                        "Write Changes (Ctrl+S) was used after creating it; at the end the Write Changes button is greyed out.")),
                List.of(Drafts.integrity("tables_untouched", "The occupations and major_groups tables were not changed.",
                        "No row was edited, added or deleted in the Browse Data tab and no UPDATE, INSERT or DELETE ran."),
                        Drafts.integrity("in_app", "The database was edited in DB Browser for SQLite, not with another program.",
                                "Only the DB Browser for SQLite window was used.")),
                "The view " + VIEW + " must list " + socs + " (annual_mean_wage >= " + threshold + ").");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("threshold_usd", threshold, "a round number between two neighbouring seeded wages"),
                Drafts.fact("expected_socs", socs, "seeded rows with A_MEAN at or above the threshold ("
                        + ctx.data().provenance() + ")"),
                Drafts.fact("expected_count", listed.size(), "rows the view lists")),
                "The view lists " + listed.size() + " of the " + rows.size() + " occupations.", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(30).timeoutSeconds(300).files(OewsDatabase.files(rows)).setup(OewsDatabase.SETUP)
                .launch(SqlitebrowserPlugin.LAUNCH).windowTitle(SqlitebrowserPlugin.TITLE).checker(checker).checklist(checklist)
                .privilegedInfo(pi)
                .oracle(DbBrowser.runAndWrite("CREATE VIEW " + VIEW
                        + " AS SELECT soc, title, annual_mean_wage FROM occupations WHERE annual_mean_wage >= " + threshold + ";"))
                .metadata(Map.of("view", Drafts.json(VIEW), "threshold", Drafts.json(threshold), "expected_socs", Drafts.json(socs)))
                .provenance(ctx.data().provenance()).build();
    }
}
