package org.envforge.plugins.gnumeric;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** Add a computed column: each occupation's wage bill, employment times annual mean wage. */
final class WageBill implements TaskTemplate {

    static final String HEADING = "Wage bill";

    @Override
    public String id() {
        return "wage_bill";
    }

    @Override
    public String title() {
        return "Add a wage bill column (employment times mean wage) with a formula per row";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        OccupationSheet s = OccupationSheet.sample(ctx, ctx.random(), 5, 8);
        String instruction = "The Gnumeric workbook " + s.path() + " lists " + s.rows().size() + " " + s.group()
                + " occupations on its sheet " + OccupationSheet.SHEET + " (rows 2 to " + s.lastRow()
                + ": SOC code, occupation, employment, annual mean wage in dollars). Add a column E headed " + HEADING
                + " (in cell E1) where each occupation's row holds a formula giving its employment multiplied by its annual mean "
                + "wage, for every row from 2 to " + s.lastRow() + ". Save the workbook under the same name, in Gnumeric's own format.";
        List<Action> oracle = new ArrayList<>(SheetTasks.focus(s));
        oracle.addAll(SheetTasks.label("E1", HEADING));
        oracle.addAll(SheetTasks.goTo("E2"));
        List<Checker.Condition> conditions = new ArrayList<>();
        conditions.add(SheetTasks.value(s, "E1", "equals_ignore_case", HEADING));
        List<Long> bills = new ArrayList<>();
        for (int row = 2; row <= s.lastRow(); row++) {
            OccupationSheet.Row r = s.rows().get(row - 2);
            long bill = r.employment() * r.wage();
            bills.add(bill);
            // Enter moves the cursor one row down, to the next occupation.
            oracle.add(new Action.TypeText("=C" + row + "*D" + row));
            oracle.add(Action.Key.of("enter"));
            conditions.add(SheetTasks.number(s, "E" + row, bill, 1e-9));
            conditions.add(SheetTasks.formula(s, "E" + row));
        }
        oracle.addAll(SheetTasks.save());
        OccupationSheet.Row first = s.rows().get(0);
        Checklist checklist = new Checklist(List.of(
                Drafts.item("heading", 10, "Cell E1 reads " + HEADING + ".", "The sheet shows the heading " + HEADING + " above column E."),
                Drafts.item("values", 45, "Column E shows each row's employment times wage, e.g. " + SheetTasks.count(bills.get(0))
                        + " in E2.", "E2 displays " + bills.get(0) + " (" + first.employment() + " x " + first.wage()
                        + "; a narrow column may show it in scientific notation), and every row down to E" + s.lastRow()
                        + " is filled."),
                Drafts.item("formulas", 30, "Every cell E2:E" + s.lastRow() + " holds a formula, not a typed number.",
                        "Selecting a cell of column E shows a formula such as =C2*D2 in the formula bar."),
                Drafts.item("saved", 15, "The workbook was saved as " + s.path() + ".",
                        "A save was made after the last edit; the title bar shows " + s.name() + " without an unsaved mark.")),
                List.of(Drafts.integrity("data_untouched", "Columns A to D were not edited, sorted or deleted.",
                        "The SOC codes, titles and figures of rows 2 to " + s.lastRow() + " look as at the start.")),
                "Wage bills by row from E2: " + bills + ".");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("expected_wage_bills", array(bills), "TOT_EMP x A_MEAN (rounded to whole dollars) of each "
                        + "seeded row (" + ctx.data().provenance() + ")"),
                Drafts.fact("rows", s.rows().size(), "occupations written to " + s.path())),
                "E2 to E" + s.lastRow() + " hold =C2*D2 and so on.", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(40).timeoutSeconds(600).files(s.files()).setup(s.setup()).launch(s.launch()).windowTitle(s.windowTitle())
                .checker(new Checker.Probes(conditions)).checklist(checklist).privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("expected_wage_bills", array(bills), "workbook", Drafts.json(s.path())))
                .provenance(ctx.data().provenance()).build();
    }

    private static ArrayNode array(List<Long> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
