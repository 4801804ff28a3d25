package org.envforge.plugins.gnumeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/** Compute the employment-weighted mean wage of the listed occupations with a formula. */
final class WeightedMeanWage implements TaskTemplate {

    static final String LABEL = "Weighted mean wage";

    @Override
    public String id() {
        return "weighted_mean_wage";
    }

    @Override
    public String title() {
        return "Compute the employment-weighted mean wage with a formula";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        OccupationSheet s = OccupationSheet.sample(ctx, ctx.random(), 5, 10);
        int row = s.lastRow() + 1;
        String labelCell = "B" + row;
        String answerCell = "D" + row;
        double payroll = s.rows().stream().mapToDouble(r -> (double) r.employment() * r.wage()).sum();
        double weighted = payroll / s.totalEmployment();
        double simple = s.rows().stream().mapToLong(OccupationSheet.Row::wage).average().orElse(0);
        String shown = String.format(Locale.ROOT, "%,.2f", weighted);
        String instruction = "The Gnumeric workbook " + s.path() + " lists " + s.rows().size() + " " + s.group()
                + " occupations on its sheet " + OccupationSheet.SHEET + " (rows 2 to " + s.lastRow()
                + ": SOC code, occupation, employment, annual mean wage in dollars). In cell " + answerCell
                + ", directly below the wage column, compute with a formula the employment-weighted mean wage of these occupations: "
                + "the average of their annual mean wages, each weighted by its employment (not the plain average). Put the label "
                + LABEL + " in cell " + labelCell + ". Rounding to whole dollars is fine. Save the workbook under the same name, in "
                + "Gnumeric's own format.";
        List<Action> oracle = new ArrayList<>(SheetTasks.focus(s));
        oracle.addAll(SheetTasks.label(labelCell, LABEL));
        oracle.addAll(SheetTasks.enter(answerCell, "=SUMPRODUCT(" + s.range("C") + "," + s.range("D") + ")/SUM(" + s.range("C") + ")"));
        oracle.addAll(SheetTasks.save());
        // Half a dollar either way accepts the exact mean and the mean rounded to whole dollars.
        Checker.Probes checker = new Checker.Probes(List.of(
                SheetTasks.number(s, answerCell, weighted, 0.5 / weighted),
                SheetTasks.formula(s, answerCell),
                SheetTasks.value(s, labelCell, "equals_ignore_case", LABEL)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("label", 10, "Cell " + labelCell + " reads " + LABEL + ".",
                        "The sheet shows " + LABEL + " in " + labelCell + "."),
                Drafts.item("value", 50, "Cell " + answerCell + " shows about " + shown + " (within half a dollar).",
                        "The cell displays " + shown + " or " + Math.round(weighted) + "; the plain average "
                                + String.format(Locale.ROOT, "%,.2f", simple) + " is wrong."),
                Drafts.item("formula", 25, "Cell " + answerCell + " holds a formula over columns C and D, not a typed number.",
                        "With " + answerCell + " selected, the formula bar shows a formula such as =SUMPRODUCT(" + s.range("C") + ","
                                + s.range("D") + ")/SUM(" + s.range("C") + ")."),
                Drafts.item("saved", 15, "The workbook was saved as " + s.path() + ".",
                        "A save was made after the last edit; the title bar shows " + s.name() + " without an unsaved mark.")),
                List.of(Drafts.integrity("data_untouched", "The listed occupations were not edited, sorted or deleted.",
                        "The SOC codes, titles and figures of rows 2 to " + s.lastRow() + " look as at the start.")),
                "The employment-weighted mean wage is " + shown + " (total payroll " + String.format(Locale.ROOT, "%.0f", payroll)
                        + " / employment " + s.totalEmployment() + "); the plain mean would be "
                        + String.format(Locale.ROOT, "%.2f", simple) + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("expected_weighted_mean", Math.round(weighted * 100) / 100.0, "sum of TOT_EMP x A_MEAN over sum of TOT_EMP "
                        + "of the seeded rows (" + ctx.data().provenance() + ")"),
                Drafts.fact("plain_mean", Math.round(simple * 100) / 100.0, "unweighted mean of the seeded wages, a wrong answer"),
                Drafts.fact("answer_cell", answerCell, "the row below the last of the " + s.rows().size() + " seeded rows, wage column")),
                "The weighted mean wage is " + shown + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("hard").maxSteps(30)
                .timeoutSeconds(600).files(s.files()).setup(s.setup()).launch(s.launch()).windowTitle(s.windowTitle()).checker(checker)
                .checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_weighted_mean", Drafts.json(weighted), "answer_cell", Drafts.json(answerCell), "workbook",
                        Drafts.json(s.path())))
                .provenance(ctx.data().provenance()).build();
    }
}
