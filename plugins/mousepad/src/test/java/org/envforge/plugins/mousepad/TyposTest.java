package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TyposTest {

    @Test
    void swappingDigitsKeepsTheLengthAndChangesTheValue() {
        for (long seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            long v = 10_000 + r.nextInt(300_000);
            Typos.swapDigits(v, r).ifPresent(w -> {
                assertThat(w).isNotEqualTo(v);
                assertThat(Long.toString(w)).hasSameSizeAs(Long.toString(v));
                assertThat(Long.toString(w).chars().sorted().toArray()).isEqualTo(Long.toString(v).chars().sorted().toArray());
            });
        }
    }

    @Test
    void numbersOfOneRepeatedDigitHaveNoTypo() {
        assertThat(Typos.swapDigits(55_555, new Random(1))).isEmpty();
    }

    @Test
    void neverMakesALeadingZero() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(Typos.swapDigits(10_000, new Random(seed))).isEmpty();
        }
        for (long seed = 0; seed < 50; seed++) {
            assertThat(Long.toString(Typos.swapDigits(105, new Random(seed)).orElseThrow())).doesNotStartWith("0");
        }
    }

    @Test
    void aMisspellingIsUndoneByACaseInsensitiveReplaceAll() {
        String text = "Operate equipment. Repair equipment and test equipment.\nInspect machinery and equipment daily.\n";
        for (long seed = 0; seed < 30; seed++) {
            Typos.Misspelling m = Typos.misspell(text, 3, new Random(seed)).orElseThrow();
            assertThat(m.word()).isEqualTo("equipment");
            assertThat(m.count()).isEqualTo(4);
            assertThat(m.wrong()).isNotEqualTo(m.word()).hasSameSizeAs(m.word());
            assertThat(m.wrong().charAt(0)).isEqualTo('e');
            assertThat(m.wrong()).endsWith("t");
            assertThat(m.text()).doesNotContain("equipment");
            String fixed = Pattern.compile(Pattern.quote(m.wrong()), Pattern.CASE_INSENSITIVE).matcher(m.text()).replaceAll(m.word());
            assertThat(fixed).isEqualTo(text);
        }
    }

    @Test
    void wordsThatAlsoOccurInOtherFormsAreNotChosen() {
        // "records" occurs 3 times but also inside "Recordset" and capitalised: a replace would be ambiguous.
        String text = "Keep records. File records. Audit records. Recordset Records.";
        assertThat(Typos.misspell(text, 3, new Random(3))).isEmpty();
    }

    @Test
    void tooRareWordsAreNotChosen() {
        assertThat(Typos.misspell("Prepare reports and review budgets.", 2, new Random(1))).isEmpty();
    }

    @Test
    void countsNonOverlappingOccurrences() {
        assertThat(Typos.count("aaaa", "aa")).isEqualTo(2);
        assertThat(Typos.count("abc", "d")).isZero();
        assertThat(Typos.count("$1,234 and $1,234".toLowerCase(Locale.ROOT), "$1,234")).isEqualTo(2);
    }
}
