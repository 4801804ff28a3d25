package org.envforge.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envforge.views.audit.LineDiff.Kind;
import org.envforge.views.audit.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    private static List<String> render(List<Line> d) {
        return d.stream().map(l -> switch (l.kind()) {
            case SAME -> "  " + l.text();
            case ADDED -> "+ " + l.text();
            case REMOVED -> "- " + l.text();
        }).toList();
    }

    @Test
    void identicalTextsHaveOnlySameLines() {
        List<Line> d = LineDiff.diff("a\nb\nc\n", "a\nb\nc");
        assertThat(render(d)).containsExactly("  a", "  b", "  c");
        assertThat(d.get(2)).isEqualTo(new Line(Kind.SAME, "c", 3, 3));
        assertThat(LineDiff.counts(d)).containsExactly(0, 0);
    }

    @Test
    void aChangedLineIsRemovedThenAddedWithItsLineNumbers() {
        List<Line> d = LineDiff.diff("set -e\ncp a b\nstart app\n", "set -e\ncp a b\nsleep 2\nwait_for_window\nstart app\n");
        assertThat(render(d)).containsExactly("  set -e", "  cp a b", "+ sleep 2", "+ wait_for_window", "  start app");
        assertThat(d.get(2)).isEqualTo(new Line(Kind.ADDED, "sleep 2", 0, 3));
        assertThat(d.get(4)).isEqualTo(new Line(Kind.SAME, "start app", 3, 5));

        d = LineDiff.diff("x\nold\ny\n", "x\nnew\ny\n");
        assertThat(render(d)).containsExactly("  x", "- old", "+ new", "  y");
        assertThat(d.get(1)).isEqualTo(new Line(Kind.REMOVED, "old", 2, 0));
        assertThat(LineDiff.counts(d)).containsExactly(1, 1);
    }

    @Test
    void keepsTheLongestCommonSubsequence() {
        // The classic: ABCABBA vs CBABAC has an LCS of length 4.
        List<Line> d = LineDiff.diff(List.of("A", "B", "C", "A", "B", "B", "A"), List.of("C", "B", "A", "B", "A", "C"));
        assertThat(d.stream().filter(l -> l.kind() == Kind.SAME).count()).isEqualTo(4);
        assertThat(LineDiff.counts(d)).containsExactly(2, 3);
    }

    @Test
    void emptySidesAreAllAddedOrAllRemoved() {
        assertThat(render(LineDiff.diff("", "a\nb"))).containsExactly("+ a", "+ b");
        assertThat(render(LineDiff.diff("a\nb", null))).containsExactly("- a", "- b");
        assertThat(LineDiff.diff("", "")).isEmpty();
    }

    @Test
    void replayingTheDiffRebuildsBothTexts() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> a = random(r);
            List<String> b = random(r);
            List<Line> d = LineDiff.diff(a, b);
            List<String> oldSide = new ArrayList<>();
            List<String> newSide = new ArrayList<>();
            for (Line l : d) {
                if (l.kind() != Kind.ADDED) {
                    oldSide.add(l.text());
                    assertThat(l.oldLine()).isEqualTo(oldSide.size());
                }
                if (l.kind() != Kind.REMOVED) {
                    newSide.add(l.text());
                    assertThat(l.newLine()).isEqualTo(newSide.size());
                }
            }
            assertThat(oldSide).isEqualTo(a);
            assertThat(newSide).isEqualTo(b);
            assertThat(d.stream().filter(l -> l.kind() == Kind.SAME).count()).isEqualTo(lcs(a, b));
        }
    }

    @Test
    void hugeMiddlesFallBackToRemovedThenAdded() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        a.add("head");
        b.add("head");
        for (int i = 0; i < 3000; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        List<Line> d = LineDiff.diff(a, b);
        assertThat(d.get(0).kind()).isEqualTo(Kind.SAME);
        assertThat(d.get(1)).isEqualTo(new Line(Kind.REMOVED, "a0", 2, 0));
        assertThat(d.get(3001)).isEqualTo(new Line(Kind.ADDED, "b0", 0, 2));
        assertThat(LineDiff.counts(d)).containsExactly(3000, 3000);
    }

    private static List<String> random(Random r) {
        List<String> out = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('a' + r.nextInt(4))));
        }
        return out;
    }

    /** A plain LCS length, to check the diff keeps the longest. */
    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
