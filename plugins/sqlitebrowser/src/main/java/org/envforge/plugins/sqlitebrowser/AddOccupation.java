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

/** Add the missing row of an occupation, with its BLS figures, to the occupations table. */
final class AddOccupation implements TaskTemplate {

    @Override
    public String id() {
        return "add_occupation";
    }

    @Override
    public String title() {
        return "Add a missing occupation with its BLS figures to a table";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = ctx.random();
        List<Row> rows = OewsDatabase.group(ctx, r, 6, 12);
        Row added = rows.get(r.nextInt(rows.size()));
        List<Row> seeded = rows.stream().filter(x -> x != added).toList();
        String expectedRow = added.title() + "|" + added.majorGroup() + "|" + added.employment() + "|" + added.wage();
        String instruction = "DB Browser for SQLite has the database ~/oews.db open. Its table occupations (columns soc, title, "
                + "major_group, employment, annual_mean_wage) lists " + added.majorGroupTitle() + " occupations from BLS OEWS "
                + "May 2023, but one is missing. Add it as a new row with soc " + added.soc() + ", title \"" + added.title()
                + "\", major_group " + added.majorGroup() + ", employment " + added.employment() + " and annual_mean_wage "
                + added.wage() + ", then write the change to the database file. Do not change the other rows.";
        Checker.Probes checker = new Checker.Probes(List.of(
                DbBrowser.sql("SELECT title, major_group, employment, annual_mean_wage FROM occupations WHERE soc = "
                        + Sql.literal(added.soc()), "equals", expectedRow),
                DbBrowser.sql("SELECT count(*), sum(employment) FROM occupations", "equals",
                        rows.size() + "|" + rows.stream().mapToLong(Row::employment).sum())));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("row_added", 40, "The occupations table has a row for SOC " + added.soc() + " titled \"" + added.title()
                        + "\".", "The Browse Data tab shows the new row, or an INSERT of it ran without errors."),
                Drafts.item("values_right", 30, "That row has major_group " + added.majorGroup() + ", employment "
                        + added.employment() + " and annual_mean_wage " + added.wage() + ".",
                        "The new row's cells show these values."),
                Drafts.item("changes_written", 30, "The new row was written to ~/oews.db.",
                        "Write Changes (Ctrl+S) was used after the edit; at the end the Write Changes button is greyed out.")),
                List.of(Drafts.integrity("others_kept", "The " + seeded.size() + " existing rows were neither changed nor deleted.",
                        "No other cell was edited and no row was deleted."),
                        Drafts.integrity("in_app", "The database was edited in DB Browser for SQLite, not with another program.",
                                "Only the DB Browser for SQLite window was used.")),
                "Insert (" + added.soc() + ", " + added.title() + ", " + added.majorGroup() + ", " + added.employment() + ", "
                        + added.wage() + ") into occupations and write changes; the table then has " + rows.size() + " rows.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("soc", added.soc(), "the occupation left out of the seeded table"),
                Drafts.fact("employment", added.employment(), "BLS OEWS May 2023 TOT_EMP of " + added.soc()),
                Drafts.fact("annual_mean_wage", added.wage(), "BLS OEWS May 2023 A_MEAN of " + added.soc() + ", rounded"),
                Drafts.fact("rows_after", rows.size(), "seeded rows plus the added one (" + ctx.data().provenance() + ")")),
                "One row, SOC " + added.soc() + ", must be added.", "high", false);
        List<Object> values = added.values();
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("easy").maxSteps(30)
                .timeoutSeconds(300).files(OewsDatabase.files(seeded)).setup(OewsDatabase.SETUP).launch(SqlitebrowserPlugin.LAUNCH)
                .windowTitle(SqlitebrowserPlugin.TITLE).checker(checker).checklist(checklist).privilegedInfo(pi)
                .oracle(DbBrowser.runAndWrite(Sql.insert("occupations", OewsDatabase.COLUMNS, values)))
                .metadata(Map.of("soc", Drafts.json(added.soc()), "expected_row", Drafts.json(expectedRow), "rows_after",
                        Drafts.json(rows.size())))
                .provenance(ctx.data().provenance()).build();
    }
}
