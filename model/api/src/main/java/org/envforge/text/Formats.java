package org.envforge.text;

import java.util.Locale;

/** Number formats shared by the CLI and the views. */
public final class Formats {

    private Formats() {
    }

    /** US dollars with a short scale: $321.7B, $9.82T, $12.3M, $950. */
    public static String money(double usd) {
        double a = Math.abs(usd);
        if (a >= 1e12) {
            return String.format(Locale.ROOT, "$%.2fT", usd / 1e12);
        }
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "$%.1fB", usd / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "$%.1fM", usd / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "$%.1fK", usd / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", usd);
    }

    /** A share as a percentage with adaptive precision: 3.28%, 0.042%. */
    public static String percent(double share) {
        double p = share * 100;
        if (p != 0 && Math.abs(p) < 0.1) {
            return String.format(Locale.ROOT, "%.3f%%", p);
        }
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    /** A count with thousands separators: 151,853,870. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Whole dollars with separators: $65,470. */
    public static String wage(double usd) {
        return String.format(Locale.ROOT, "$%,.0f", usd);
    }
}
