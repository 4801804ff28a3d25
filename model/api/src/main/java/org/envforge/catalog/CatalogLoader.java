package org.envforge.catalog;

import org.envforge.progress.Progress;
import org.envforge.progress.ProgressListener;

/** Parses the GDP tables and builds the catalog, reporting progress. */
public final class CatalogLoader {

    private final GdpSource source;

    public CatalogLoader(GdpSource source) {
        this.source = source;
    }

    public Catalog load(ProgressListener progress) {
        GdpTables tables = new GdpTableParser(source, progress).parse();
        progress.onProgress(new Progress("Loading catalog", "Joining O*NET to BLS and weighting products", 4, 5));
        Catalog catalog = new CatalogBuilder().build(tables);
        progress.onProgress(new Progress("Loading catalog", "Ready", 5, 5));
        return catalog;
    }
}
