package org.envforge.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    private static SoftwarePlugin plugin(String id, String... products) {
        PluginDescriptor d = new PluginDescriptor(id, id, List.of(id), List.of(id),
                java.util.Arrays.stream(products).map(ProductMapping::substitute).toList(), List.of());
        return () -> d;
    }

    @Test
    void listsRunnableProductsAndFindsPluginsByProduct() {
        PluginRegistry r = new PluginRegistry(List.of(plugin("b", "Bash"), plugin("a", "Microsoft Excel", "Bash")));
        assertThat(r.plugins()).extracting(SoftwarePlugin::id).containsExactly("a", "b");
        assertThat(r.runnableProducts()).containsExactly("Bash", "Microsoft Excel");
        assertThat(r.pluginsFor("Bash")).hasSize(2);
        assertThat(r.byId("a")).isPresent();
    }

    @Test
    void duplicateIdsAndBadIdsAreRefused() {
        assertThatThrownBy(() -> new PluginRegistry(List.of(plugin("a"), plugin("a"))))
                .hasMessageContaining("two plugins have the id \"a\"");
        assertThatThrownBy(() -> plugin("Bad Id")).hasMessageContaining("plugin id must be");
    }
}
