package org.envforge.catalog;

import org.envforge.progress.ProgressListener;

/** The catalog built from the shipped tables, loaded once per test JVM (it takes about a second). */
public final class ShippedCatalog {

    private static volatile Catalog catalog;

    private ShippedCatalog() {
    }

    public static Catalog get() {
        Catalog c = catalog;
        if (c == null) {
            synchronized (ShippedCatalog.class) {
                c = catalog;
                if (c == null) {
                    c = new CatalogLoader(GdpSource.shipped()).load(ProgressListener.NONE);
                    catalog = c;
                }
            }
        }
        return c;
    }
}
