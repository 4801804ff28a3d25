package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise (logs).
 */
final class ProgressLine {

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private long lastDraw;
    private int lastDecile = -1;
    private boolean drawn;

    ProgressLine(PrintWriter err, String label) {
        this.err = err;
        this.terminal = System.console() != null;
        this.label = label;
    }

    void update(int done, int total, String detail) {
        double f = total <= 0 ? 0 : Math.min(1, (double) done / total);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 50_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int fill = (int) Math.round(f * width);
            String d = detail.length() > 50 ? "\u2026" + detail.substring(detail.length() - 49) : detail;
            if (err instanceof EscapingWriter.Terminal t) {
                t.carriageReturn();
            } else {
                err.print('\r');
            }
            err.printf(Locale.ROOT, "%s [%s%s] %d/%d %-50s", label, "#".repeat(fill), " ".repeat(width - fill), done, total, d);
            err.flush();
            drawn = true;
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf(Locale.ROOT, "%s: %d/%d (%d%%)%n", label, done, total, Math.round(f * 100));
                err.flush();
            }
        }
    }

    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }
}
