package org.envforge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;
import org.envforge.verify.ProbeChecker;
import org.junit.jupiter.api.Test;

/** Untrusted regular expressions are stopped at their time limit instead of holding a job for hours. */
class RegexesTest {

    private static final Pattern CATASTROPHIC = Pattern.compile("^(.*a){20}b");

    @Test
    void ordinaryPatternsWorkAsUsual() {
        assertThat(Regexes.find(Pattern.compile("Gnumeric"), "wages.gnumeric - Gnumeric")).isTrue();
        assertThat(Regexes.find(Pattern.compile("^Mousepad"), "wages.txt - Mousepad")).isFalse();
        assertThat(Regexes.matches(Pattern.compile("\\d+(\\.\\d+)?"), "42.5")).isTrue();
        assertThat(Regexes.matches(Pattern.compile("\\d+"), "42.5")).isFalse();
    }

    @Test
    void catastrophicBacktrackingIsStoppedAtTheLimit() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Regexes.find(CATASTROPHIC, "a".repeat(64))).isInstanceOf(Regexes.TooSlow.class)
                .hasMessageContaining("took longer than").hasMessageContaining("64 characters");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aCheckerConditionWithSuchAPatternFailsInsteadOfHanging() {
        long t0 = System.nanoTime();
        assertThat(ProbeChecker.compare("matches", "a".repeat(64), TextNode.valueOf("^(.*a){20}b"), null)).isFalse();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void anUntrustedPatternThatIsInvalidOrTooSlowMatchesNothing() {
        Regexes.Untrusted bad = Regexes.untrusted("([unclosed", 0);
        assertThat(bad.find("([unclosed")).isFalse();
        assertThat(bad.matches("([unclosed")).isFalse();
        assertThat(bad.error()).hasValueSatisfying(e -> assertThat(e).contains("([unclosed"));

        Regexes.Untrusted slow = Regexes.untrusted("^(a+)+b", 0);
        assertThat(slow.error()).isEmpty();
        assertThat(slow.find("aab")).isTrue();
        assertThat(slow.find("a".repeat(64))).isFalse();

        Regexes.Untrusted title = Regexes.untrusted("Gnumeric$", 0);
        assertThat(title.find("wages.gnumeric - Gnumeric")).isTrue();
        assertThat(title.matches("wages.gnumeric - Gnumeric")).isFalse();
        assertThat(Regexes.untrusted("a.b", Pattern.DOTALL).matches("a\nb")).isTrue();
    }
}
