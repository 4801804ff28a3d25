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

/** Delete the occupations of one major group whose employment is below a threshold; keep the rest. */
final class RemoveSmallOccupations implements TaskTemplate {

    @Override
    public String id() {
        return "remove_small_occupations";
    }

    @Override
    public String title() {
        return "Delete one major group's occupations with employment below a threshold";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<Row> rows = OewsDatabase.groups(ctx, r, 2, 5, 8);
        List<String> groups = rows.stream().map(Row::majorGroup).distinct().sorted().toList();
        String group = groups.get(r.nextInt(groups.size()));
        List<Long> emp = rows.stream().filter(x -> x.majorGroup().equals(group)).map(Row::employment).sorted().toList();
        long threshold = OewsDatabase.threshold(emp, r);
        List<Row> deleted = rows.stream().filter(x -> x.majorGroup().equals(group) && x.employment() < threshold).toList();
        List<String> kept = rows.stream().filter(x -> !deleted.contains(x)).map(Row::soc).sorted().toList();
        String groupTitle = deleted.get(0).majorGroupTitle();
        String instruction = "DB Browser for SQLite has the database ~/oews.db open. Its table occupations holds BLS OEWS May "
                + "2023 figures for the occupations of " + OewsDatabase.describeGroups(rows) + ". Delete every " + groupTitle
                + " occupation (major_group " + group + ") whose employment is below " + OewsDatabase.count(threshold)
                + ", and write the change to the database file. Keep all other rows, those of the other major group included.";
        String g = Sql.literal(group);
        Checker.Probes checker = new Checker.Probes(List.of(
                DbBrowser.sql("SELECT count(*) FROM occupations WHERE major_group = " + g + " AND employment < " + threshold,
                        "equals", "0"),
                DbBrowser.sql("SELECT group_concat(soc, ',') FROM (SELECT soc FROM occupations ORDER BY soc)", "equals",
                        String.join(",", kept)),
                DbBrowser.sql("SELECT count(*) FROM major_groups", "equals", String.valueOf(groups.size()))));
        String deletedSocs = String.join(", ", deleted.stream().map(Row::soc).toList());
        Checklist checklist = new Checklist(List.of(
                Drafts.item("small_deleted", 50, "The " + deleted.size() + " " + groupTitle + " occupations with employment below "
                        + threshold + " (" + deletedSocs + ") are gone.", "The Browse Data tab no longer lists them, or a DELETE "
                        + "on major_group " + group + " and employment < " + threshold + " ran without errors."),
                Drafts.item("others_kept", 20, "The other " + kept.size() + " occupations are still there.",
                        "The Browse Data tab lists " + kept.size() + " rows."),
                Drafts.item("changes_written", 30, "The deletion was written to ~/oews.db.",
                        "Write Changes (Ctrl+S) was used after the deletion; at the end the Write Changes button is greyed out.")),
                List.of(Drafts.integrity("no_other_deletion", "No row of the other major group and no major_groups row was deleted.",
                        "No DELETE without a condition on " + group + " and the employment threshold was run."),
                        Drafts.integrity("in_app", "The database was edited in DB Browser for SQLite, not with another program.",
                                "Only the DB Browser for SQLite window was used.")),
                "Delete " + deletedSocs + "; keep " + String.join(", ", kept) + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("threshold", threshold, "a round number between two employments of major group " + group),
                Drafts.fact("deleted_socs", deletedSocs, "seeded rows of " + group + " with TOT_EMP below the threshold ("
                        + ctx.data().provenance() + ")"),
                Drafts.fact("rows_after", kept.size(), "seeded rows minus the deleted ones")),
                "Delete the " + deleted.size() + " rows " + deletedSocs + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(30).timeoutSeconds(300).files(OewsDatabase.files(rows)).setup(OewsDatabase.SETUP)
                .launch(SqlitebrowserPlugin.LAUNCH).windowTitle(SqlitebrowserPlugin.TITLE).checker(checker).checklist(checklist)
                .privilegedInfo(pi)
                .oracle(DbBrowser.runAndWrite("DELETE FROM occupations WHERE major_group = " + g + " AND employment < " + threshold + ";"))
                .metadata(Map.of("threshold", Drafts.json(threshold), "deleted_socs", Drafts.json(deletedSocs), "kept_socs",
                        Drafts.json(String.join(",", kept))))
                .provenance(ctx.data().provenance()).build();
    }
}
