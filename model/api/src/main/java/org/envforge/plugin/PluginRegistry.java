package org.envforge.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The plugins known to this EnvForge, by id. */
public final class PluginRegistry {

    private final Map<String, SoftwarePlugin> byId;

    public PluginRegistry(List<? extends SoftwarePlugin> plugins) {
        Map<String, SoftwarePlugin> map = new LinkedHashMap<>();
        List<SoftwarePlugin> sorted = new ArrayList<>(plugins);
        sorted.sort(Comparator.comparing(SoftwarePlugin::id));
        for (SoftwarePlugin p : sorted) {
            SoftwarePlugin clash = map.putIfAbsent(p.id(), p);
            if (clash != null) {
                throw new IllegalStateException("two plugins have the id \"" + p.id() + "\": "
                        + clash.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** Finds the plugins on the class path of the given loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<SoftwarePlugin> found = new ArrayList<>();
        ServiceLoader.load(SoftwarePlugin.class, loader).forEach(found::add);
        return new PluginRegistry(found);
    }

    public List<SoftwarePlugin> plugins() {
        return List.copyOf(byId.values());
    }

    public Optional<SoftwarePlugin> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The catalog products that some plugin runs natively or as a substitute. */
    public Set<String> runnableProducts() {
        Set<String> out = new TreeSet<>();
        for (SoftwarePlugin p : byId.values()) {
            for (ProductMapping m : p.descriptor().products()) {
                out.add(m.product());
            }
        }
        return out;
    }

    /** The plugins that run the given product. */
    public List<SoftwarePlugin> pluginsFor(String product) {
        return byId.values().stream()
                .filter(p -> p.descriptor().products().stream().anyMatch(m -> m.product().equals(product)))
                .toList();
    }
}
