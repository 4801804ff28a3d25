package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinesTest {

    @Test
    void aFinalNewlineDoesNotStartAnotherLine() {
        assertThat(TextLines.of("a\nb\n")).containsExactly("a", "b");
        assertThat(TextLines.of("a\nb")).containsExactly("a", "b");
        assertThat(TextLines.count("a\nb\n")).isEqualTo(2);
    }

    @Test
    void blankLinesCountAndCarriageReturnsAreDropped() {
        assertThat(TextLines.of("a\n\nb\n\n")).containsExactly("a", "", "b", "");
        assertThat(TextLines.of("a\r\nb\r\n")).containsExactly("a", "b");
        assertThat(TextLines.count("\n")).isEqualTo(1);
    }

    @Test
    void anEmptyTextHasNoLines() {
        assertThat(TextLines.count("")).isZero();
        assertThat(TextLines.count(null)).isZero();
        assertThat(TextLines.line("", 1)).isEmpty();
    }

    @Test
    void linesCountFromTheStartOrFromTheEnd() {
        String t = "one\ntwo\nthree\n";
        assertThat(TextLines.line(t, 1)).isEqualTo("one");
        assertThat(TextLines.line(t, 3)).isEqualTo("three");
        assertThat(TextLines.line(t, -1)).isEqualTo("three");
        assertThat(TextLines.line(t, -3)).isEqualTo("one");
        assertThat(TextLines.line(t, 4)).isEmpty();
        assertThat(TextLines.line(t, -4)).isEmpty();
        assertThat(TextLines.line(t, 0)).isEmpty();
    }
}
