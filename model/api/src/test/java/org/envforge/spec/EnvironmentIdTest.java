package org.envforge.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules of environment ids, and what becomes of names from imported folders, which are untrusted. */
class EnvironmentIdTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}@[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
    private static final List<String> HOSTILE = List.of("../../../../tmp/x", "..", ".", "", "a\u0000b", "a/b", "a\\b", "x@y",
            "caf\u00e9", "\u202eexe.txt", "\ud83d\ude00", "\ud800", "tab\there", "new\nline", "\u001b]0;title\u0007", ".hidden",
            "x".repeat(10_000), "\u00e9".repeat(5_000));

    @Test
    void generatedIdsAreAsBefore() {
        assertThat(EnvironmentId.generated("gnumeric_j7_e1")).isEqualTo("gnumeric_j7_e1@1");
        assertThat(EnvironmentId.generatedName("gnumeric", "7", 2, null)).isEqualTo("gnumeric_j7_e2");
        assertThat(EnvironmentId.generatedName("libreoffice-calc", "{job}", 1, "LibreOffice Calc (Spreadsheet)"))
                .isEqualTo("libreoffice-calc_j{job}_e1_libreoffice_calc_spreadsheet");
        assertThat(EnvironmentId.scratch("xterm")).isEqualTo("xterm_env@1");
        assertThat(EnvironmentId.of("libreoffice_calc_env", "0.1")).isEqualTo("libreoffice_calc_env@0.1");
    }

    @Test
    void osworldIdsAreAsBeforeForOrdinarySnapshots() {
        assertThat(EnvironmentId.osworld("chrome")).isEqualTo("osworld_chrome@osworld");
        assertThat(EnvironmentId.osworld("vs code/1")).isEqualTo("osworld_vs_code_1@osworld");
        assertThat(EnvironmentId.osworldName("libreoffice_calc")).isEqualTo("osworld_libreoffice_calc");
    }

    @Test
    void badNamesAndVersionsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> EnvironmentId.of("../etc", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad environment name \"../etc\": starts with a dot");
        assertThatThrownBy(() -> EnvironmentId.of("a/b", "1"))
                .hasMessage("bad environment name \"a/b\": holds \"/\" (letters, digits, - _ . only)");
        assertThatThrownBy(() -> EnvironmentId.generated("a\u0000b"))
                .hasMessage("bad environment name \"ab\": holds U+0000 (letters, digits, - _ . only)");
        assertThatThrownBy(() -> EnvironmentId.generated("")).hasMessage("bad environment name \"\": is empty");
        assertThatThrownBy(() -> EnvironmentId.generated(null)).hasMessage("bad environment name (null): is empty");
        assertThatThrownBy(() -> EnvironmentId.of("ok", "1@2")).hasMessageStartingWith("bad environment version \"1@2\": holds \"@\"");
        assertThatThrownBy(() -> EnvironmentId.generated("x".repeat(101))).hasMessageContaining("is 101 characters long (at most 100)");
        assertThatThrownBy(() -> EnvironmentId.generated("caf\u00e9")).hasMessageContaining("holds U+00E9");
        assertThatThrownBy(() -> EnvironmentId.generated("x\u001b]0;t\u0007")).hasMessageNotContaining("\u001b");
        assertThat(EnvironmentId.generated("x".repeat(100))).hasSize(102);
    }

    @Test
    void declaredIdsAreCheckedPartByPart() {
        assertThat(EnvironmentId.whyBad("example.windows_notepad@0.1")).isEmpty();
        assertThat(EnvironmentId.whyBad("legacy_env")).isEmpty();
        assertThat(EnvironmentId.whyBad("../../../../tmp/atk-envid")).contains("its name starts with a dot");
        assertThat(EnvironmentId.whyBad("/tmp/x@1")).contains("its name holds \"/\" (letters, digits, - _ . only)");
        assertThat(EnvironmentId.whyBad("env@../x")).contains("its version starts with a dot");
        assertThat(EnvironmentId.whyBad("env@")).contains("its version is empty");
        assertThat(EnvironmentId.whyBad("@1")).contains("its name is empty");
        assertThat(EnvironmentId.whyBad("a@b@c")).contains("its version holds \"@\" (letters, digits, - _ . only)");
        assertThat(EnvironmentId.whyBad("")).contains("it is empty");
        assertThat(EnvironmentId.whyBad(null)).contains("it is empty");
        assertThat(EnvironmentId.whyBad("a\u0000b@1")).contains("its name holds U+0000 (letters, digits, - _ . only)");
        assertThat(EnvironmentId.whyBad("\ud83d\ude00@1")).contains("its name holds U+1F600 (letters, digits, - _ . only)");
        assertThat(EnvironmentId.whyBad("x".repeat(5000) + "@1")).contains("its name is 5000 characters long (at most 100)");
        for (String h : HOSTILE) {
            if (!h.equals("x@y")) {
                assertThat(EnvironmentId.whyBad(h)).as(h).isPresent();
            }
        }
    }

    @Test
    void untrustedTextBecomesASafeNameThatMakesAGoodId() {
        assertThat(EnvironmentId.safeName("../../../../tmp/x")).isEqualTo("_._.._.._.._tmp_x");
        assertThat(EnvironmentId.safeName("..")).isEqualTo("_.");
        assertThat(EnvironmentId.safeName("")).isEqualTo("_");
        assertThat(EnvironmentId.safeName(null)).isEqualTo("_");
        assertThat(EnvironmentId.safeName("a\u0000b")).isEqualTo("a_b");
        assertThat(EnvironmentId.safeName("\ud83d\ude00")).as("one code point, one _").isEqualTo("_");
        assertThat(EnvironmentId.safeName("libreoffice_calc_env")).isEqualTo("libreoffice_calc_env");
        for (String h : HOSTILE) {
            String name = EnvironmentId.safeName(h);
            assertThat(name).as(h).matches("[A-Za-z0-9_-][A-Za-z0-9_.-]*").hasSizeLessThanOrEqualTo(EnvironmentId.MAX_PART);
            assertThat(SafeNames.whyUnsafe(name)).as(h).isEmpty();
            assertThat(EnvironmentId.generated(name)).matches(ID);
            assertThat(EnvironmentId.whyBad(EnvironmentId.imported(null, h))).as(h).isEmpty();
        }
    }

    @Test
    void longTextsStayDistinctAndBounded() {
        String a = EnvironmentId.safeName("x".repeat(10_000) + "a");
        String b = EnvironmentId.safeName("x".repeat(10_000) + "b");
        assertThat(a).hasSize(EnvironmentId.MAX_PART).startsWith("x".repeat(91) + "_").isNotEqualTo(b);
        assertThat(EnvironmentId.safeName("x".repeat(100))).isEqualTo("x".repeat(100));
        assertThat(EnvironmentId.osworld("s".repeat(500))).matches(ID);
    }

    @Test
    void aDeclaredIdIsKeptAndAMissingOneComesFromTheFolder() {
        assertThat(EnvironmentId.imported("calc_env@0.1", "whatever")).isEqualTo("calc_env@0.1");
        assertThat(EnvironmentId.imported(null, "my env")).isEqualTo("my_env");
    }
}
