package org.envforge.plugins.gnumeric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** Show the title of the best-paid occupation of the sheet in a given cell. */
final class HighestPaid implements TaskTemplate {

    static final String LABEL_CELL = "F1";
    static final String ANSWER_CELL = "F2";
    static final String LABEL = "Highest paid";

    @Override
    public String id() {
        return "highest_paid";
    }

    @Override
    public String title() {
        return "Show the title of the highest-paid occupation in a cell";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        OccupationSheet s = OccupationSheet.sample(ctx, ctx.random(), 6, 12);
        List<OccupationSheet.Row> byWage = byWage(s);
        while (byWage.get(0).wage() == byWage.get(1).wage()) {
            // A tie would make two answers right; drop the runner-up.
            s = s.without(byWage.get(1));
            byWage = byWage(s);
        }
        OccupationSheet.Row top = byWage.get(0);
        String instruction = "The Gnumeric workbook " + s.path() + " lists " + s.rows().size() + " " + s.group()
                + " occupations on its sheet " + OccupationSheet.SHEET + " (rows 2 to " + s.lastRow()
                + ": SOC code, occupation, employment, annual mean wage). Put the label " + LABEL + " in cell " + LABEL_CELL
                + " and make cell " + ANSWER_CELL + " show the title of the listed occupation with the highest annual mean wage, "
                + "exactly as written in column B (a formula that finds it or the title itself). Save the workbook under the same "
                + "name, in Gnumeric's own format.";
        List<Action> oracle = new ArrayList<>(SheetTasks.focus(s));
        oracle.addAll(SheetTasks.label(LABEL_CELL, LABEL));
        oracle.addAll(SheetTasks.enter(ANSWER_CELL, "=INDEX(" + s.range("B") + ",MATCH(MAX(" + s.range("D") + ")," + s.range("D")
                + ",0))"));
        oracle.addAll(SheetTasks.save());
        Checker.Probes checker = new Checker.Probes(List.of(
                SheetTasks.value(s, ANSWER_CELL, "equals", top.title()),
                SheetTasks.value(s, LABEL_CELL, "equals_ignore_case", LABEL)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("label", 10, "Cell " + LABEL_CELL + " reads " + LABEL + ".",
                        "The sheet shows " + LABEL + " in " + LABEL_CELL + "."),
                Drafts.item("answer", 75, "Cell " + ANSWER_CELL + " shows \"" + top.title() + "\".",
                        "The cell displays the title " + top.title() + ", the row with the largest wage in column D ("
                                + SheetTasks.money(top.wage()) + ")."),
                Drafts.item("saved", 15, "The workbook was saved as " + s.path() + ".",
                        "A save was made after the last edit; the title bar shows " + s.name() + " without an unsaved mark.")),
                List.of(Drafts.integrity("data_untouched", "The listed occupations were not edited or deleted.",
                        "The SOC codes, titles and figures of rows 2 to " + s.lastRow() + " look as at the start.")),
                "The highest annual mean wage in the sheet is " + SheetTasks.money(top.wage()) + ", of " + top.title() + " (" + top.soc()
                        + "); " + ANSWER_CELL + " must show that title.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("expected_title", top.title(), "the seeded row with the largest annual mean wage (" + ctx.data().provenance()
                        + ")"),
                Drafts.fact("expected_wage", top.wage(), "BLS OEWS May 2023 A_MEAN of " + top.soc() + ", rounded to whole dollars"),
                Drafts.fact("runner_up_wage", byWage.get(1).wage(), "the second largest wage in the sheet, lower than the top one")),
                "The answer is " + top.title() + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(25).timeoutSeconds(300).files(s.files()).setup(s.setup()).launch(s.launch()).windowTitle(s.windowTitle())
                .checker(checker).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_title", Drafts.json(top.title()), "answer_cell", Drafts.json(ANSWER_CELL), "workbook",
                        Drafts.json(s.path())))
                .provenance(ctx.data().provenance()).build();
    }

    private static List<OccupationSheet.Row> byWage(OccupationSheet s) {
        return s.rows().stream().sorted(Comparator.comparingLong(OccupationSheet.Row::wage).reversed()).toList();
    }
}
