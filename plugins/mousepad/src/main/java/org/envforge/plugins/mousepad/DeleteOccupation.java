package org.envforge.plugins.mousepad;

import java.util.ArrayList;
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

/** Delete the line of one occupation from a text list. */
final class DeleteOccupation implements TaskTemplate {

    @Override
    public String id() {
        return "delete_line";
    }

    @Override
    public String title() {
        return "Delete one occupation's line from a text list";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = MousepadGui.random(ctx, id());
        Roster roster = Roster.sample(ctx, r, 8, 10);
        List<SeedData.Occupation> rows = roster.rows();
        SeedData.Occupation gone = rows.get(r.nextInt(rows.size()));
        List<SeedData.Occupation> kept = new ArrayList<>(rows);
        kept.remove(gone);
        String file = "notes/" + roster.fileName();
        String expected = roster.text(kept);
        int lines = TextLines.count(expected);
        String instruction = "The occupation " + gone.title() + " (SOC " + gone.soc() + ") is no longer tracked. In Mousepad, "
                + "delete its whole line from ~/" + file + " without leaving a blank line, keep every other line as it is, and "
                + "save the file.";
        List<Action> oracle = new ArrayList<>(MousepadGui.focus(file));
        oracle.addAll(MousepadGui.selectFirst(gone.soc()));
        oracle.add(Action.Key.of("shift", "ctrl", "delete"));
        oracle.addAll(MousepadGui.save());
        Checker.Probes checker = new Checker.Probes(List.of(
                Drafts.condition("file_text", "not_contains", gone.soc(), "path", "~/" + file),
                Drafts.condition("line_count", "equals_number", lines, "path", "~/" + file),
                Drafts.condition("file_text", "equals", expected, "path", "~/" + file)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("line_removed", 50, "The line of " + gone.title() + " (" + gone.soc() + ") is gone.",
                        "The editor no longer shows " + gone.soc() + "."),
                Drafts.item("no_blank_line", 20, "No blank line is left in its place; the file has " + lines + " lines.",
                        "The lines above and below the removed one are now adjacent."),
                Drafts.item("saved_unchanged", 30, "The file is saved and the other " + kept.size() + " occupations and the header "
                        + "are unchanged.", "The title bar shows no leading * after saving.")),
                List.of(Drafts.integrity("one_line_only", "No other occupation's line was deleted or edited.",
                        "Only one line disappears between the start and the end.")),
                "~/" + file + " must list every occupation but " + gone.soc() + ", unchanged, in " + lines + " lines.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("deleted_soc", gone.soc(), "chosen among the listed occupations (" + ctx.data().provenance() + ")"),
                Drafts.fact("deleted_line", Roster.line(gone), "the line as written in the start file"),
                Drafts.fact("expected_lines", lines, "2 header lines and " + kept.size() + " occupations")),
                "Delete the line of " + gone.soc() + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("easy").maxSteps(15)
                .timeoutSeconds(180).files(Map.of(file, Roster.bytes(roster.text()), MousepadGui.SETTINGS_FILE, MousepadGui.settings()))
                .launch(MousepadGui.launch(file)).windowTitle(MousepadGui.windowTitle(file)).checker(checker).checklist(checklist)
                .privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("deleted_soc", Drafts.json(gone.soc()), "expected_lines", Drafts.json(lines), "file",
                        Drafts.json("~/" + file)))
                .provenance(ctx.data().provenance()).build();
    }
}
