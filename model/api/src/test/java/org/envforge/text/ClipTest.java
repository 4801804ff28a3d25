package org.envforge.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from a sandbox made fit for a reason, a prompt or a status bar. */
class ClipTest {

    private static final String TAIL = "Error: no such table: staff";
    private static final String BIG = "head of the output\n" + "x".repeat(8 << 20) + "\n" + TAIL;

    @Test
    void aLongTextKeepsItsHeadAndTailAndSaysHowMuchWasCut() {
        String s = Clip.text(BIG, Clip.REASON);
        assertThat(s.length()).isLessThanOrEqualTo(Clip.REASON);
        assertThat(s).startsWith("head of the output\nxxx").endsWith("xxx\n" + TAIL);
        long shown = s.chars().filter(c -> c == 'x').count();
        assertThat(shown).isGreaterThan(Clip.REASON / 2);
        assertThat(s).contains("[cut " + String.format(java.util.Locale.ROOT, "%,d", (8L << 20) - shown) + " bytes]");
    }

    @Test
    void theCutCountsUtf8Bytes() {
        String s = Clip.text("a" + "\u00e9".repeat(10_000) + "z", 100);
        int shown = (int) s.chars().filter(c -> c == '\u00e9').count();
        assertThat(s).contains("[cut " + String.format(java.util.Locale.ROOT, "%,d", 2L * (10_000 - shown)) + " bytes]");
        assertThat(s).startsWith("a\u00e9").endsWith("\u00e9z").hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void aShortTextIsKeptWhole() {
        assertThat(Clip.text("exit code 3: no such file\n\tat line 2", Clip.REASON)).isEqualTo("exit code 3: no such file\n\tat line 2");
        assertThat(Clip.text(null, 10)).isNull();
        assertThat(Clip.text("", 10)).isEmpty();
    }

    @Test
    void terminalEscapesAndControlCharactersAreRemoved() {
        String raw = "\u001b[1;31mred\u001b[0m \u001b]0;window title\u0007bell\u0007 \u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ "
                + "\u001bPdcs\u001b\\nul\u0000 del\u007f c1\u009b2Jz back\bspace\r\nwin\rcr \u202eevil\u202c \u001b(Bcharset";
        assertThat(Clip.text(raw, 1000)).isEqualTo("red bell link nul del c1z backspace\nwin\ncr evil charset");
    }

    @Test
    void invalidUtf16IsReplacedAndPairsAreKept() {
        assertThat(Clip.text("lone \ud800 high, lone \udc00 low, pair \ud83d\ude00 ok", 100))
                .isEqualTo("lone \ufffd high, lone \ufffd low, pair \ud83d\ude00 ok");
        // A cut never splits a pair.
        String s = Clip.text("\ud83d\ude00".repeat(1000), 61);
        assertThat(s.codePoints().allMatch(c -> c == 0x1F600 || c < 0x80 || c == '\u2026')).isTrue();
    }

    @Test
    void aLineFoldsLineBreaks() {
        String s = Clip.line("Check failed: export script failed\n" + "y".repeat(100_000) + "\n\tboom at the end", Clip.LINE);
        assertThat(s).doesNotContain("\n").doesNotContain("\t").startsWith("Check failed: export script failed y")
                .endsWith("y boom at the end").contains("bytes]").hasSizeLessThanOrEqualTo(Clip.LINE);
    }

    @Test
    void aThrowableAsAReasonNamesAnErrorsKind() {
        assertThat(Clip.reason(new OutOfMemoryError("Java heap space"))).isEqualTo("OutOfMemoryError: Java heap space");
        assertThat(Clip.reason(new StackOverflowError())).isEqualTo("StackOverflowError");
        assertThat(Clip.reason(new IllegalStateException("no display :99"))).isEqualTo("no display :99");
        assertThat(Clip.reason(new IllegalStateException(" "))).isEqualTo("IllegalStateException");
        assertThat(Clip.reason(new IllegalStateException("\u001b[31m" + "e".repeat(10_000)))).hasSizeLessThanOrEqualTo(Clip.REASON)
                .doesNotContain("\u001b");
    }
}
