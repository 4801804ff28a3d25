package org.envforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Terminal output escapes every control character but the newlines and tabs of its layout. */
class EscapingWriterTest {

    private static String through(String... pieces) {
        StringWriter raw = new StringWriter();
        try (PrintWriter w = new PrintWriter(new EscapingWriter(raw))) {
            for (String p : pieces) {
                w.print(p);
            }
        }
        return raw.toString();
    }

    @Test
    void everyControlBecomesAVisibleEscape() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append('\u007f');
        for (char c = 0x80; c <= 0x9f; c++) {
            all.append(c);
        }
        all.append("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        String out = through(all.toString());
        assertThat(out).startsWith("\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\t\n\\x0b\\x0c\\r\\x0e")
                .contains("\\x1a\\e\\x1c\\x1d\\x1e\\x1f\\u007f\\u0080")
                .endsWith("\\u009f\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069");
        assertThat(out.chars().filter(c -> c != '\n' && c != '\t' && (c < 0x20 || c > 0x7e))).isEmpty();
    }

    @Test
    void plainTextAndOtherUnicodePassUnchangedWhateverTheChunks() {
        String text = "caf\u00e9 \u00fcber \u4e2d\u6587 \ud83d\ude00 C:\\path\\to \"quoted\"\n\tindented\n";
        assertThat(through(text)).isEqualTo(text);
        assertThat(through("a\u001b", "[2J", "\u202e", "b")).isEqualTo("a\\e[2J\\u202eb");
        StringWriter raw = new StringWriter();
        try (EscapingWriter w = new EscapingWriter(raw)) {
            w.write("xx\u0007yy".toCharArray(), 1, 3);
            w.write('\u009b');
            w.write("zz\u001bzz", 2, 1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(raw.toString()).isEqualTo("x\\x07y\\u009b\\e");
    }
}
