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

/** Insert the missing line of an occupation into a list kept in SOC-code order. */
final class InsertOccupation implements TaskTemplate {

    @Override
    public String id() {
        return "insert_line";
    }

    @Override
    public String title() {
        return "Insert a missing occupation line at its place in a text list";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = MousepadGui.random(ctx, id());
        Roster roster = Roster.sample(ctx, r, 7, 8);
        List<SeedData.Occupation> rows = roster.rows();
        int k = 1 + r.nextInt(rows.size() - 1);
        SeedData.Occupation missing = rows.get(k);
        SeedData.Occupation before = rows.get(k - 1);
        List<SeedData.Occupation> shown = new ArrayList<>(rows);
        shown.remove(k);
        String file = "notes/" + roster.fileName();
        String line = Roster.line(missing);
        String expected = roster.text();
        int lineNo = roster.header().size() + k + 1;
        String instruction = "The file ~/" + file + " lists " + roster.groupTitle() + " occupations in SOC-code order, but the "
                + "line for " + missing.title() + " is missing. In Mousepad, insert this exact line directly below the line of "
                + before.title() + " (" + before.soc() + "), change nothing else, and save the file. The line to insert is: " + line;
        List<Action> oracle = new ArrayList<>(MousepadGui.focus(file));
        oracle.addAll(MousepadGui.selectFirst(before.soc()));
        oracle.add(Action.Key.of("end"));
        oracle.add(Action.Key.of("enter"));
        oracle.add(new Action.TypeText(line));
        oracle.addAll(MousepadGui.save());
        Checker.Probes checker = new Checker.Probes(List.of(
                Drafts.condition("text_line", "equals", line, "path", "~/" + file, "line", String.valueOf(lineNo)),
                Drafts.condition("file_text", "equals", expected, "path", "~/" + file)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("line_added", 40, "The file contains the line \"" + line + "\".",
                        "The editor shows that line, typed exactly as given."),
                Drafts.item("line_placed", 30, "It is line " + lineNo + ", right below the line of " + before.title() + ".",
                        "In the editor the new line sits between " + before.soc() + " and the next SOC code."),
                Drafts.item("saved_unchanged", 30, "The file is saved and its other " + (rows.size() + 1) + " lines are unchanged.",
                        "The title bar shows no leading * after saving, and no other line was edited.")),
                List.of(Drafts.integrity("edited_in_mousepad", "The file was edited in Mousepad, not rewritten by other means.",
                        "The change was made in the Mousepad window.")),
                "Line " + lineNo + " of ~/" + file + " must be \"" + line + "\"; the rest of the file is as before.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("missing_line", line, "BLS OEWS May 2023 row of " + missing.soc() + " (" + ctx.data().provenance() + ")"),
                Drafts.fact("line_number", lineNo, "SOC order of the " + rows.size() + " listed occupations plus 2 header lines"),
                Drafts.fact("previous_soc", before.soc(), "the occupation listed just before it")),
                "Insert \"" + line + "\" below " + before.soc() + ".", "high", false);
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("easy").maxSteps(20)
                .timeoutSeconds(180)
                .files(Map.of(file, Roster.bytes(roster.text(shown)), MousepadGui.SETTINGS_FILE, MousepadGui.settings()))
                .launch(MousepadGui.launch(file)).windowTitle(MousepadGui.windowTitle(file)).checker(checker).checklist(checklist)
                .privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("missing_soc", Drafts.json(missing.soc()), "line", Drafts.json(line), "line_number", Drafts.json(lineNo),
                        "file", Drafts.json("~/" + file)))
                .provenance(ctx.data().provenance()).build();
    }
}
