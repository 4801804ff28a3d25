package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.envforge.plugin.SeedData;
import org.junit.jupiter.api.Test;

class DutiesTest {

    @Test
    void wrapsAtSpacesWithinTheWidth() {
        String text = "Plan, direct, or coordinate the operations of public or private sector organizations, overseeing "
                + "multiple departments or locations.";
        List<String> lines = Duties.wrap(text, 30);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(String.join(" ", lines)).isEqualTo(text);
    }

    @Test
    void aLongWordGetsALineOfItsOwn() {
        assertThat(Duties.wrap("a verylongword b", 5)).containsExactly("a", "verylongword", "b");
        assertThat(Duties.wrap("", 5)).isEmpty();
    }

    @Test
    void theDocumentHasATitleThenOneParagraphPerOccupation() {
        SeedData.Occupation o = new SeedData.Occupation("15-1252", "Software Developers", "15-0000", "Computer and Mathematical",
                1_656_880, 138_110, "Research, design, and develop computer and network software.");
        String text = Duties.text("Computer and Mathematical", List.of(o));
        assertThat(text).isEqualTo("Computer and Mathematical occupations: what they do (O*NET 29.2)\n\nSoftware Developers (15-1252)\n"
                + "Research, design, and develop computer and network software.\n");
    }
}
