package org.envforge.views.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: the lines both texts share are kept in order, the
 * others are removed (only in the old text) or added (only in the new). Common leading and
 * trailing lines are matched first; when what remains is too big for the table, the rest is
 * shown as removed then added.
 */
public final class LineDiff {

    /** The largest LCS table (old lines x new lines) computed; beyond it the middle is replaced wholesale. */
    static final long MAX_CELLS = 4_000_000L;

    /** What happened to a line. */
    public enum Kind { SAME, ADDED, REMOVED }

    /**
     * One line of the diff.
     *
     * @param oldLine 1-based line in the old text, or 0 for an added line
     * @param newLine 1-based line in the new text, or 0 for a removed line
     */
    public record Line(Kind kind, String text, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    public static List<Line> diff(String oldText, String newText) {
        return diff(lines(oldText), lines(newText));
    }

    /** The text's lines; a trailing newline does not make an empty last line; null and "" have none. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = text.replace("\r\n", "\n");
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return List.of(t.split("\n", -1));
    }

    public static List<Line> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int pre = 0;
        while (pre < n && pre < m && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < n - pre && suf < m - pre && a.get(n - 1 - suf).equals(b.get(m - 1 - suf))) {
            suf++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            out.add(new Line(Kind.SAME, a.get(i), i + 1, i + 1));
        }
        int an = n - pre - suf;
        int bn = m - pre - suf;
        if ((long) an * bn > MAX_CELLS) {
            for (int i = 0; i < an; i++) {
                out.add(new Line(Kind.REMOVED, a.get(pre + i), pre + i + 1, 0));
            }
            for (int j = 0; j < bn; j++) {
                out.add(new Line(Kind.ADDED, b.get(pre + j), 0, pre + j + 1));
            }
        } else {
            middle(a, b, pre, an, bn, out);
        }
        for (int k = 0; k < suf; k++) {
            out.add(new Line(Kind.SAME, a.get(n - suf + k), n - suf + k + 1, m - suf + k + 1));
        }
        return out;
    }

    /** LCS of a[pre, pre+an) and b[pre, pre+bn); removals before additions where both apply. */
    private static void middle(List<String> a, List<String> b, int pre, int an, int bn, List<Line> out) {
        // lcs[i][j]: LCS length of a's middle from i and b's middle from j.
        int[][] lcs = new int[an + 1][bn + 1];
        for (int i = an - 1; i >= 0; i--) {
            for (int j = bn - 1; j >= 0; j--) {
                lcs[i][j] = a.get(pre + i).equals(b.get(pre + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < an || j < bn) {
            if (i < an && j < bn && a.get(pre + i).equals(b.get(pre + j))) {
                out.add(new Line(Kind.SAME, a.get(pre + i), pre + i + 1, pre + j + 1));
                i++;
                j++;
            } else if (j >= bn || (i < an && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, a.get(pre + i), pre + i + 1, 0));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b.get(pre + j), 0, pre + j + 1));
                j++;
            }
        }
    }

    /** Lines added and removed. */
    public static int[] counts(List<Line> diff) {
        int added = 0;
        int removed = 0;
        for (Line l : diff) {
            if (l.kind() == Kind.ADDED) {
                added++;
            } else if (l.kind() == Kind.REMOVED) {
                removed++;
            }
        }
        return new int[] {added, removed};
    }
}
