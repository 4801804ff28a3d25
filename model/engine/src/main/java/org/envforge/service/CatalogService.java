package org.envforge.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.envforge.catalog.Catalog;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.GdpSource;
import org.envforge.catalog.Selection;
import org.envforge.catalog.SelectionRequest;
import org.envforge.catalog.Selector;
import org.envforge.plugin.PluginRegistry;
import org.envforge.progress.ProgressListener;
import org.envforge.store.CurationSets;
import org.envforge.store.Store;

/**
 * The catalog as the GUI and the CLI use it: load once, select, save and list curation sets.
 * Thread-safe; loading happens on the caller's thread (the views call it off the FX thread).
 */
public final class CatalogService {

    private final GdpSource source;
    private final PluginRegistry plugins;
    private final Supplier<Store> store;
    private volatile Catalog catalog;

    /**
     * @param store opened on first use, so that catalog commands work without touching the store
     */
    public CatalogService(GdpSource source, PluginRegistry plugins, Supplier<Store> store) {
        this.source = source;
        this.plugins = plugins;
        this.store = store;
    }

    /** The catalog, loading it on first call. */
    public Catalog catalog(ProgressListener progress) {
        Catalog c = catalog;
        if (c == null) {
            synchronized (this) {
                c = catalog;
                if (c == null) {
                    c = new CatalogLoader(source).load(progress);
                    catalog = c;
                }
            }
        }
        return c;
    }

    public Catalog catalog() {
        return catalog(ProgressListener.NONE);
    }

    /** The products some installed plugin runs. */
    public Set<String> runnableProducts() {
        return plugins.runnableProducts();
    }

    /** Makes a selection; {@code runnableOnly} limits it to products a plugin runs. */
    public Selection select(SelectionRequest request, boolean runnableOnly) {
        SelectionRequest r = runnableOnly ? request.withRunnable(Optional.of(runnableProducts())) : request;
        return new Selector(catalog()).select(r);
    }

    public CurationSet save(String name, Selection selection, boolean replace) {
        return new CurationSets(store.get()).save(name, selection, replace);
    }

    public List<CurationSet> sets() {
        return new CurationSets(store.get()).list();
    }

    public Optional<CurationSet> set(String name) {
        return new CurationSets(store.get()).byName(name);
    }
}
