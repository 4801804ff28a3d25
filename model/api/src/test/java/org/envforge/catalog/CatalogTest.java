package org.envforge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.envforge.progress.Progress;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = ShippedCatalog.get();

    @Test
    void blsTotalRowHasTheNationalEmploymentAndMeanWage() {
        assertThat(catalog.total().employment()).isEqualTo(151_853_870L);
        assertThat(catalog.total().annualMeanWage()).isEqualTo(65_470.0);
    }

    @Test
    void allTwentyTwoMajorGroupsArePresentAndLinked() {
        assertThat(catalog.majorGroups()).hasSize(22);
        assertThat(catalog.majorGroups()).extracting(MajorGroup::prefix).containsExactly("11", "13", "15", "17", "19",
                "21", "23", "25", "27", "29", "31", "33", "35", "37", "39", "41", "43", "45", "47", "49", "51", "53");
        assertThat(catalog.majorGroups()).allSatisfy(g -> assertThat(g.linkedWageBill()).isPositive());
    }

    @Test
    void productWeightsAddUpToTheLinkedWageBill() {
        double sum = catalog.products().stream().mapToDouble(Product::weight).sum();
        assertThat(sum).isCloseTo(catalog.linkedWageBill(), within(catalog.linkedWageBill() * 1e-9));
        // About $9.8T of the ~$9.9T national wage bill is linked to O*NET software lists.
        assertThat(catalog.linkedWageBill()).isBetween(9.75e12, 9.85e12);
        assertThat(catalog.linkedWageBill()).isLessThan(catalog.detailedWageBill());
        double groups = catalog.majorGroups().stream().mapToDouble(MajorGroup::linkedWageBill).sum();
        assertThat(groups).isCloseTo(catalog.linkedWageBill(), within(1.0));
    }

    @Test
    void microsoftExcelRanksFirst() {
        Product first = catalog.products().get(0);
        assertThat(first.name()).isEqualTo("Microsoft Excel");
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.gymAnything()).isTrue();
        assertThat(first.generic()).isFalse();
        assertThat(first.hot()).isTrue();
        assertThat(first.majorGroups()).hasSize(22);
        // Its weight is a split share, not the ~$9.4T that double counting would give.
        assertThat(first.weight()).isBetween(3.0e11, 3.5e11);
        assertThat(catalog.products()).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
    }

    @Test
    void aggregateBlsCodesCollectTheirOnetCodesAndUnmatchedCodesAreListed() {
        Occupation lab = catalog.occupation("29-2010").orElseThrow();
        assertThat(lab.onetCodes()).contains("29-2011.00", "29-2012.00");
        assertThat(catalog.occupation("53-1047").orElseThrow().onetCodes()).contains("53-1042.00", "53-1043.00");
        assertThat(catalog.occupation("21-1018").orElseThrow().onetCodes()).containsExactly("21-1011.00", "21-1014.00");
        assertThat(catalog.unmatched()).anySatisfy(u -> {
            assertThat(u.side()).isEqualTo("O*NET");
            assertThat(u.code()).isEqualTo("45-3031.00");
        });
        assertThat(catalog.unmatched()).filteredOn(u -> u.side().equals("O*NET")).hasSize(1);
        assertThat(catalog.unmatched()).anySatisfy(u -> assertThat(u.code()).isEqualTo("43-9199"));
    }

    @Test
    void suppressedAnnualWagesAreImputedFromTheHourlyMean() {
        Occupation actors = catalog.occupation("27-2011").orElseThrow();
        assertThat(actors.wageImputed()).isTrue();
        assertThat(actors.annualWage()).isCloseTo(41.01 * 2080, within(1e-6));
        assertThat(actors.wageBill()).isCloseTo(62_560 * 41.01 * 2080, within(1.0));
        Occupation analysts = catalog.occupation("15-1252").orElseThrow();
        assertThat(analysts.wageImputed()).isFalse();
    }

    @Test
    void genericEntriesAreToldFromNamedProducts() {
        assertThat(catalog.product("Web browser software").orElseThrow().generic()).isTrue();
        assertThat(catalog.product("Spreadsheet software").orElseThrow().generic()).isTrue();
        assertThat(catalog.product("Point of sale POS software").orElseThrow().generic()).isTrue();
        assertThat(catalog.product("SAP software").orElseThrow().generic()).isFalse();
        assertThat(catalog.product("Microsoft Office software").orElseThrow().generic()).isFalse();
        assertThat(catalog.product("Bash").orElseThrow().generic()).isFalse();
    }

    @Test
    void gymAnythingProductsAreMatchedByNormalisedName() {
        long matched = catalog.products().stream().filter(Product::gymAnything).count();
        assertThat(matched).isBetween(40L, 60L);
        assertThat(catalog.product("GNU Octave").orElseThrow().gymAnything()).isTrue();
        assertThat(catalog.product("SAP software").orElseThrow().gymAnything()).isFalse();
    }

    @Test
    void occupationsUsingAProductAreSortedByWageBill() {
        Product bash = catalog.product("bash").orElseThrow();
        List<Occupation> using = catalog.occupationsUsing(bash);
        assertThat(using).hasSize(bash.occupations().size());
        assertThat(using).isSortedAccordingTo((a, b) -> Double.compare(b.wageBill(), a.wageBill()));
        assertThat(using).allSatisfy(o -> assertThat(o.products()).contains("Bash"));
    }

    @Test
    void loadingReportsProgressInOrder() {
        List<Progress> seen = new ArrayList<>();
        new CatalogLoader(GdpSource.shipped()).load(seen::add);
        assertThat(seen).extracting(Progress::done).isSorted();
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void productNamesNormalise() {
        assertThat(ProductNames.normalise("Microsoft  Excel software")).isEqualTo("microsoft excel");
        assertThat(ProductNames.normalise("Rocket.Chat")).isEqualTo("rocket chat");
        assertThat(ProductNames.normalise("Café POS")).isEqualTo("cafe pos");
    }
}
