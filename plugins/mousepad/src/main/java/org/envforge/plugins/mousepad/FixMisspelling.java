package org.envforge.plugins.mousepad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** Correct a word misspelt throughout a document of O*NET duty summaries. */
final class FixMisspelling implements TaskTemplate {

    private static final int ATTEMPTS = 40;

    @Override
    public String id() {
        return "fix_misspelling";
    }

    @Override
    public String title() {
        return "Correct a word misspelt throughout a document (find and replace)";
    }

    @Override
    public TaskDraft generate(TemplateContext ctx) {
        Random r = MousepadGui.random(ctx, id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Roster roster = Roster.sample(ctx, r, 6, 5);
            String text = Duties.text(roster.groupTitle(), roster.rows());
            Optional<Typos.Misspelling> m = Typos.misspell(text, attempt < ATTEMPTS / 2 ? 3 : 2, r);
            if (m.isPresent()) {
                return draft(ctx, roster, text, m.get());
            }
        }
        throw new IllegalStateException("no word occurs often enough to misspell in " + ATTEMPTS + " samples");
    }

    private TaskDraft draft(TemplateContext ctx, Roster roster, String right, Typos.Misspelling m) {
        String file = "docs/" + Drafts.slug(roster.groupTitle()) + "_duties.txt";
        String instruction = "The document ~/" + file + " misspells the word \"" + m.word() + "\" as \"" + m.wrong() + "\" "
                + m.count() + " times. Using Mousepad, correct every occurrence, change nothing else, and save the file.";
        List<Action> oracle = new ArrayList<>(MousepadGui.focus(file));
        oracle.addAll(MousepadGui.replaceAll(m.wrong(), m.word()));
        oracle.addAll(MousepadGui.save());
        Checker.Probes checker = new Checker.Probes(List.of(
                Drafts.condition("file_text", "not_contains", m.wrong(), "path", "~/" + file),
                Drafts.condition("file_text", "equals", right, "path", "~/" + file)));
        Checklist checklist = new Checklist(List.of(
                Drafts.item("all_fixed", 60, "None of the " + m.count() + " occurrences of \"" + m.wrong() + "\" is left.",
                        "Searching for \"" + m.wrong() + "\" finds nothing; a Replace All reports " + m.count() + " replacements."),
                Drafts.item("right_spelling", 20, "Each now reads \"" + m.word() + "\".", "The corrected word is spelt " + m.word() + "."),
                Drafts.item("saved_unchanged", 20, "The file is saved and no other text changed.",
                        "The title bar shows no leading * after saving.")),
                List.of(Drafts.integrity("no_other_edits", "Only the misspelt word was changed; the O*NET text is otherwise intact.",
                        "No other word, line break or paragraph was edited or removed.")),
                "Replace all " + m.count() + " \"" + m.wrong() + "\" by \"" + m.word() + "\"; the text is then the original O*NET text.");
        PrivilegedInfo pi = new PrivilegedInfo(List.of(
                Drafts.fact("word", m.word(), "a word of the O*NET descriptions (" + ctx.data().provenance() + ")"),
                Drafts.fact("misspelling", m.wrong(), "two neighbouring inner letters of the word swapped"),
                Drafts.fact("occurrences", m.count(), "whole-word occurrences of the word in the document")),
                "Replace \"" + m.wrong() + "\" with \"" + m.word() + "\" everywhere (" + m.count() + " times).", "high", false);
        List<SeedData.Occupation> rows = roster.rows();
        return TaskDraft.builder().template(id()).name(id() + "_s" + ctx.seed()).instruction(instruction).difficulty("medium")
                .maxSteps(20).timeoutSeconds(240)
                .files(Map.of(file, Roster.bytes(m.text()), MousepadGui.SETTINGS_FILE, MousepadGui.settings()))
                .launch(MousepadGui.launch(file)).windowTitle(MousepadGui.windowTitle(file)).checker(checker).checklist(checklist)
                .privilegedInfo(pi).oracle(oracle)
                .metadata(Map.of("word", Drafts.json(m.word()), "misspelling", Drafts.json(m.wrong()), "occurrences",
                        Drafts.json(m.count()), "occupations",
                        Drafts.json(String.join(", ", rows.stream().map(SeedData.Occupation::soc).toList())), "file",
                        Drafts.json("~/" + file)))
                .provenance(ctx.data().provenance()).build();
    }
}
