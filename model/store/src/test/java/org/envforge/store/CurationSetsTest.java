package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.Selection;
import org.envforge.catalog.SelectionRequest;
import org.envforge.catalog.Selector;
import org.envforge.catalog.ShippedCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationSetsTest {

    @TempDir
    Path dir;

    @Test
    void savesListsAndReloadsASelection() {
        Selection s = new Selector(ShippedCatalog.get()).select(SelectionRequest.top(25).withCoverAllGroups(true)
                .withExcludeGeneric(true).withExclude(Set.of("Facebook")));
        try (Store store = Store.open(dir)) {
            CurationSet saved = new CurationSets(store).save("office-first", s, false);
            assertThat(saved.productNames()).isEqualTo(s.names());
            assertThat(saved.groupsCovered()).isEqualTo(22);
            assertThat(saved.request()).isEqualTo(s.request());
        }
        try (Store store = Store.open(dir)) {
            CurationSets sets = new CurationSets(store);
            assertThat(sets.list()).extracting(CurationSet::name).containsExactly("office-first");
            CurationSet back = sets.byName("office-first").orElseThrow();
            assertThat(back.items()).hasSize(25);
            assertThat(back.items().get(0).product()).isEqualTo("Microsoft Excel");
            assertThat(back.request().exclude()).containsExactly("Facebook");
        }
    }

    @Test
    void aNameClashIsRefusedAndTheExistingSetIsKept() {
        Selector selector = new Selector(ShippedCatalog.get());
        try (Store store = Store.open(dir)) {
            CurationSets sets = new CurationSets(store);
            sets.save("mine", selector.select(SelectionRequest.top(3)), false);
            assertThatThrownBy(() -> sets.save("mine", selector.select(SelectionRequest.top(7)), false))
                    .hasMessageContaining("a curation set named \"mine\" exists already");
            assertThat(sets.byName("mine").orElseThrow().items()).hasSize(3);
            sets.save("mine", selector.select(SelectionRequest.top(7)), true);
            assertThat(sets.byName("mine").orElseThrow().items()).hasSize(7);
            assertThat(sets.list()).hasSize(1);
            assertThatThrownBy(() -> sets.save("  ", selector.select(SelectionRequest.top(1)), false))
                    .hasMessageContaining("needs a name");
        }
    }
}
