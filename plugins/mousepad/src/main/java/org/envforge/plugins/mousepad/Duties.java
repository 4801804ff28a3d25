package org.envforge.plugins.mousepad;

import java.util.ArrayList;
import java.util.List;
import org.envforge.plugin.SeedData;

/**
 * A plain-text document of O*NET duty summaries: a title line, then for each occupation its title
 * and SOC code and its description, wrapped to fit the editor window, with blank lines between.
 */
final class Duties {

    /** Wrap width: the 1280-pixel editor shows about 140 columns; shorter lines read better. */
    static final int WIDTH = 76;

    private Duties() {
    }

    static String text(String groupTitle, List<SeedData.Occupation> rows) {
        StringBuilder sb = new StringBuilder(groupTitle).append(" occupations: what they do (O*NET 29.2)\n");
        for (SeedData.Occupation o : rows) {
            sb.append('\n').append(o.title()).append(" (").append(o.soc()).append(")\n");
            for (String l : wrap(o.description().replaceAll("\\s+", " ").strip(), WIDTH)) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    /** Greedy word wrap at spaces; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
