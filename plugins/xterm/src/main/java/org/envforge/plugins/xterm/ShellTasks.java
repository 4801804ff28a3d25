package org.envforge.plugins.xterm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.envforge.action.Action;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.TemplateContext;

/** What the shell templates share: the data file of one major group, and the oracle's first steps. */
final class ShellTasks {

    static final List<String> HEADER = List.of("soc", "title", "employment", "annual_mean_wage");

    private ShellTasks() {
    }

    /** A major group with at least {@code min} occupations, chosen from the seed. */
    static List<SeedData.Occupation> group(TemplateContext ctx, Random r, int min, int max) {
        List<String> groups = new ArrayList<>(ctx.data().majorGroups());
        List<String> ok = groups.stream().filter(g -> ctx.data().occupations(g).size() >= min).toList();
        String g = ok.get(r.nextInt(ok.size()));
        return ctx.sample(ctx.data().occupations(g), max, r);
    }

    static byte[] table(List<SeedData.Occupation> rows) {
        List<List<Object>> data = new ArrayList<>();
        for (SeedData.Occupation o : rows) {
            data.add(List.of(o.soc(), o.title(), o.employment(), Math.round(o.annualMeanWage())));
        }
        return Drafts.tsv(HEADER, data);
    }

    static String fileName(SeedData.Occupation any) {
        return Drafts.slug(any.majorGroupTitle()) + ".tsv";
    }

    /** Waits for the terminal and puts the pointer on it (focus follows the pointer without a window manager). */
    static List<Action> focusTerminal() {
        return List.of(new Action.WaitForWindow(XtermPlugin.TITLE, 10_000), new Action.MoveTo(400, 250), Action.Click.left(400, 250));
    }

    static String money(long usd) {
        return String.format(Locale.ROOT, "$%,d", usd);
    }
}
