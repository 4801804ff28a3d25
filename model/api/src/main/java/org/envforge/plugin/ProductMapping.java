package org.envforge.plugin;

/**
 * A catalog product (an O*NET "Example" name) that a plugin's app runs.
 *
 * @param product the catalog name, e.g. "Microsoft Excel"
 * @param kind whether the app is that product or stands in for it (as Gnumeric for Excel)
 */
public record ProductMapping(String product, Kind kind) {

    public enum Kind {
        /** The app is the product. */
        NATIVE,
        /** The app does the same work in the same way, as an open substitute. */
        SUBSTITUTE
    }

    public static ProductMapping nativeApp(String product) {
        return new ProductMapping(product, Kind.NATIVE);
    }

    public static ProductMapping substitute(String product) {
        return new ProductMapping(product, Kind.SUBSTITUTE);
    }
}
