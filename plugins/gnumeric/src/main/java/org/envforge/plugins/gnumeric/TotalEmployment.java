package org.envforge.plugins.gnumeric;

import java.util.ArrayList;
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

/** Add a Total row whose formula sums the employment column. */
final class TotalEmployment implements TaskTemplate {

    @Override
    public String id() {
        return "total_employment";
    }

    @Override
    public String title() {
        return "Add a total row that sums the employment column with a formula";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        OccupationSheet s = OccupationSheet.sample(ctx, ctx.random(), 5, 10);
        int row = s.lastRow() + 1;
        String labelCell = "B" + row;
        String totalCell = "C" + row;
        long total = s.totalEmployment();
        String instruction = "The Gnumeric workbook " + s.path() + " lists " + s.rows().size() + " " + s.group()
                + " occupations on its sheet " + OccupationSheet.SHEET + " (rows 2 to " + s.lastRow()
                + ": SOC code, occupation, employment, annual mean wage). In row " + row + ", directly below the list, put the label "
                + "Total in cell " + labelCell + " and, in cell " + totalCell + ", a formula that adds up the employment of all the "
                + "listed occupations. Save the workbook under the same name, in Gnumeric's own format.";
        List<Action> oracle = new ArrayList<>(SheetTasks.focus(s));
        oracle.addAll(SheetTasks.label(labelCell, "Total"));
        oracle.addAll(SheetTasks.enter(totalCell, "=SUM(" + s.range("C") + ")"));
        oracle.addAll(SheetTasks.save());
        Checker.Probes checker = new Checker.Probes(List.of(
                SheetTasks.number(s, totalCell, total, 1e-9),
                SheetTasks.formula(s, totalCell),
                SheetTasks.value(s, labelCell, "equals_ignore_case", "Total")));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("total_label", 10, "Cell " + labelCell + " reads Total.",
                        "The sheet shows Total in column B of row " + row + "."),
                Drafts.item("total_formula", 35, "Cell " + totalCell + " holds a formula over the employment column, not a typed number.",
                        "With " + totalCell + " selected, the formula bar shows a formula such as =SUM(" + s.range("C") + ")."),
                Drafts.item("total_value", 40, "Cell " + totalCell + " shows " + SheetTasks.count(total) + ".",
                        "The cell displays " + total + " (possibly with thousands separators)."),
                Drafts.item("saved", 15, "The workbook was saved as " + s.path() + ".",
                        "A save was made after the last edit; the title bar shows " + s.name() + " without an unsaved mark.")),
                List.of(Drafts.integrity("data_untouched", "The listed occupations (rows 2 to " + s.lastRow() + ") were not edited, "
                        + "sorted or deleted.", "The SOC codes, titles and figures of rows 2 to " + s.lastRow()
                        + " look as at the start.")),
                "The employment of the " + s.rows().size() + " occupations adds up to " + total + "; it belongs in " + totalCell + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("expected_total", total,
                        "sum of BLS OEWS May 2023 TOT_EMP of the seeded rows (" + ctx.data().provenance() + ")"),
                Drafts.fact("total_cell", totalCell, "the row below the last of the " + s.rows().size() + " seeded rows"),
                Drafts.fact("rows", s.rows().size(), "occupations written to " + s.path())),
                "=SUM(" + s.range("C") + ") in " + totalCell + " gives " + total + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("easy").maxSteps(20)
                .timeoutSeconds(300).files(s.files()).setup(s.setup()).launch(s.launch()).windowTitle(s.windowTitle()).checker(checker)
                .checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_total", Drafts.json(total), "total_cell", Drafts.json(totalCell), "workbook",
                        Drafts.json(s.path())))
                .provenance(ctx.data().provenance()).build();
    }
}
