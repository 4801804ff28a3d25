package org.envforge.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Name normalisation used to match product names across sources. */
public final class ProductNames {

    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9+#]+");
    private static final Pattern TRAILING_SOFTWARE = Pattern.compile("\\s+software$");

    private ProductNames() {
    }

    /**
     * Lower case, accents and punctuation removed, whitespace collapsed and a trailing "software"
     * dropped: "Microsoft Excel" and "microsoft  excel software" normalise alike.
     */
    public static String normalise(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return TRAILING_SOFTWARE.matcher(s).replaceAll("");
    }
}
