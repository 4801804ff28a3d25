package org.envforge.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the window list of an X display from {@code xwininfo -root -children} (names, classes,
 * geometry of the top-level windows; without a window manager these are the app windows) and
 * {@code xdotool search --onlyvisible --name .*} (which of them are mapped).
 */
public final class X11Windows {

    /** The commands whose outputs {@link #parse} reads. */
    public static final List<String> TREE = List.of("xwininfo", "-root", "-children");
    public static final List<String> VISIBLE = List.of("xdotool", "search", "--onlyvisible", "--name", ".*");

    private static final Pattern LINE = Pattern.compile(
            "^\\s+(0x[0-9a-f]+) (?:\"(.*)\"|\\(has no name\\)): (?:\\(\"([^\"]*)\" "
                    + "\"[^\"]*\"\\)|\\(\\))?\\s+(\\d+)x(\\d+)\\+(-?\\d+)\\+(-?\\d+)");

    private X11Windows() {
    }

    /** The visible top-level windows of the display that {@code run} reaches. */
    public static List<WindowInfo> list(CommandRunner run) {
        ExecResult tree = run.run(TREE, java.time.Duration.ofSeconds(10)).orThrow("xwininfo");
        ExecResult visible = run.run(VISIBLE, java.time.Duration.ofSeconds(10));
        return parse(tree.stdout(), visible.stdout());
    }

    public static List<WindowInfo> parse(String tree, String visible) {
        Set<Long> shown = new HashSet<>();
        for (String l : visible.split("\n")) {
            String t = l.strip();
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                shown.add(Long.parseLong(t));
            }
        }
        List<WindowInfo> out = new ArrayList<>();
        for (String line : tree.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            long wid = Long.decode(m.group(1));
            int w = Integer.parseInt(m.group(4));
            int h = Integer.parseInt(m.group(5));
            if (!shown.contains(wid) || w <= 1 || h <= 1) {
                continue;
            }
            out.add(new WindowInfo(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3) == null ? "" : m.group(3),
                    Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), w, h));
        }
        return out;
    }
}
