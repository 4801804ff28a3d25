package org.envforge.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Terminal output that cannot be steered by the text it prints: imported names, instructions and
 * messages may hold escape sequences (window titles, clear screen, OSC 52 clipboard writes) or bidi
 * overrides. Every control character but newline and tab is written as a visible escape: ESC as
 * {@code \e}, CR as {@code \r}, other C0 controls as {@code \x07}, DEL, C1 controls and bidi
 * controls as {@code \u202e}. JSON output stays JSON (its encoder escapes C0 controls itself).
 */
final class EscapingWriter extends FilterWriter {

    EscapingWriter(Writer out) {
        super(out);
    }

    /** The CLI's writers: every print escaped; {@link #carriageReturn} is the one raw control, for progress bars. */
    static final class Terminal extends PrintWriter {
        private final Writer raw;

        Terminal(Writer raw) {
            super(new EscapingWriter(raw), true);
            this.raw = raw;
        }

        /** Moves to the start of the line (layout the CLI itself asks for). */
        void carriageReturn() {
            flush();
            try {
                raw.write('\r');
                raw.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The visible escape for a character, or null when it is printed as it is. */
    static String escape(char c) {
        if (c == '\n' || c == '\t' || c >= 0x20 && c < 0x7f) {
            return null;
        }
        if (c == 0x1b) {
            return "\\e";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c < 0x20) {
            return String.format(Locale.ROOT, "\\x%02x", (int) c);
        }
        boolean c1 = c >= 0x7f && c <= 0x9f;
        boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
        return c1 || bidi ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
    }

    @Override
    public void write(int c) throws IOException {
        String e = escape((char) c);
        if (e == null) {
            out.write(c);
        } else {
            out.write(e);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            String e = escape(cbuf[i]);
            if (e != null) {
                out.write(cbuf, start, i - start);
                out.write(e);
                start = i + 1;
            }
        }
        out.write(cbuf, start, off + len - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }
}
