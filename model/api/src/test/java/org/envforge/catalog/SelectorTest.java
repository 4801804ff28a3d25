package org.envforge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private final Catalog catalog = ShippedCatalog.get();
    private final Selector selector = new Selector(catalog);

    @Test
    void topNWithoutConstraintsIsTheHeaviestN() {
        Selection s = selector.select(SelectionRequest.top(10));
        assertThat(s.products()).isEqualTo(catalog.top(10));
        assertThat(s.coverage().weight()).isCloseTo(s.unconstrainedWeight(), org.assertj.core.api.Assertions.within(1.0));
        assertThat(s.coverage().share()).isBetween(0.15, 0.3);
    }

    @Test
    void fiftyProductsCoveringAllGroupsCoverTwentyTwoGroups() {
        SelectionRequest r = SelectionRequest.top(50).withCoverAllGroups(true);
        Selection s = selector.select(r);
        assertThat(s.products()).hasSize(50).doesNotHaveDuplicates();
        assertThat(s.coverage().groupsCovered()).hasSize(22);
        assertThat(s.coverage().coversAllGroups()).isTrue();
        assertThat(s.coverage().weight()).isLessThanOrEqualTo(s.unconstrainedWeight() * (1 + 1e-12));
        assertThat(s.products()).isSortedAccordingTo((a, b) -> Integer.compare(a.rank(), b.rank()));
    }

    @Test
    void coverageRepairSwapsInTheHeaviestCoverOfEachMissingGroup() {
        // Four groups; the heavy products all serve group 11, lighter ones the rest.
        Catalog tiny = TinyCatalog.builder()
                .occupation("11-1011", "Chief Executives", 100, 200_000, "Big Suite", "Big Mail", "Big Docs", "Small Tool")
                .occupation("13-2011", "Accountants", 50, 80_000, "Ledger Pro", "Big Suite")
                .occupation("15-1252", "Software Developers", 40, 130_000, "Code Studio", "Term")
                .occupation("45-2092", "Farmworkers", 30, 35_000, "Crop Log")
                .build();
        Selector s = new Selector(tiny);
        Selection plain = s.select(SelectionRequest.top(4));
        assertThat(plain.names()).containsExactly("Big Suite", "Big Docs", "Big Mail", "Small Tool");
        assertThat(plain.coverage().groupsCovered()).containsExactlyInAnyOrder("11-0000", "13-0000");
        Selection covered = s.select(SelectionRequest.top(4).withCoverAllGroups(true));
        assertThat(covered.coverage().groupsCovered()).hasSize(4);
        assertThat(covered.names()).containsExactly("Big Suite", "Big Docs", "Code Studio", "Crop Log");
        assertThat(covered.notes()).anyMatch(n -> n.startsWith("swapped in \"Crop Log\""));
        assertThat(covered.coverage().weight()).isLessThan(plain.coverage().weight());
        Selection noFarm = s.select(SelectionRequest.top(4).withCoverAllGroups(true).withExclude(Set.of("Crop Log")));
        assertThat(noFarm.notes()).anyMatch(n -> n.contains("no eligible product covers 45-0000"));
        assertThat(noFarm.coverage().groupsCovered()).hasSize(3);
    }

    @Test
    void tooFewProductsToCoverAllGroupsIsAClearError() {
        Catalog tiny = TinyCatalog.builder()
                .occupation("11-1011", "Chief Executives", 100, 200_000, "A")
                .occupation("13-2011", "Accountants", 50, 80_000, "B")
                .occupation("15-1252", "Software Developers", 40, 130_000, "C")
                .build();
        assertThatThrownBy(() -> new Selector(tiny).select(SelectionRequest.top(2).withCoverAllGroups(true)))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining("cannot cover all 3 major groups with 2 products")
                .hasMessageContaining("raise N");
    }

    @Test
    void selectionIsDeterministic() {
        SelectionRequest r = SelectionRequest.top(200).withCoverAllGroups(true).withExcludeGeneric(true);
        assertThat(selector.select(r).names()).isEqualTo(new Selector(catalog).select(r).names());
    }

    @Test
    void includesAndExcludesAreHonoured() {
        SelectionRequest r = SelectionRequest.top(5).withInclude(Set.of("GNU Octave")).withExclude(Set.of("Microsoft Excel"));
        Selection s = selector.select(r);
        assertThat(s.names()).contains("GNU Octave").doesNotContain("Microsoft Excel").hasSize(5);
    }

    @Test
    void genericEntriesCanBeExcluded() {
        Selection s = selector.select(SelectionRequest.top(40).withExcludeGeneric(true));
        assertThat(s.products()).noneMatch(Product::generic);
        assertThat(s.names()).doesNotContain("Web browser software");
    }

    @Test
    void runnableOnlyKeepsProductsAPluginRuns() {
        Set<String> runnable = Set.of("Microsoft Excel", "Bash", "SQLite", "Linux");
        Selection s = selector.select(SelectionRequest.top(10).withRunnable(Optional.of(runnable)));
        assertThat(s.names()).containsExactlyInAnyOrderElementsOf(runnable);
        assertThat(s.notes()).anyMatch(n -> n.contains("only 4 products are eligible"));
    }

    @Test
    void unknownProductsAreRefusedWithSuggestions() {
        assertThatThrownBy(() -> selector.select(SelectionRequest.top(5).withInclude(Set.of("Microsoft Exce"))))
                .isInstanceOf(SelectionException.class)
                .hasMessageContaining("unknown product in the include list: \"Microsoft Exce\"")
                .hasMessageContaining("did you mean \"Microsoft Excel\"");
    }

    @Test
    void tooManyIncludesIsAnError() {
        assertThatThrownBy(() -> selector.select(SelectionRequest.top(1).withInclude(Set.of("Bash", "Linux"))))
                .hasMessageContaining("2 products are included but only 1 may be selected");
    }

    @Test
    void coverageReportsOccupationsReachedAndGroupShares() {
        Selection s = selector.select(SelectionRequest.top(1));
        Coverage c = s.coverage();
        Product excel = s.products().get(0);
        assertThat(c.occupationsReached()).isEqualTo(excel.occupations().size());
        assertThat(c.employmentReached()).isEqualTo(excel.employment());
        assertThat(c.wageBillReached()).isGreaterThan(c.share());
        assertThat(c.shareByGroup()).hasSize(22);
        assertThat(c.shareByGroup().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }
}
