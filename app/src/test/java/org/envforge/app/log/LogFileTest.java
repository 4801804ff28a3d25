package org.envforge.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file stays bounded, says which run wrote it, and shows control characters as escapes. */
class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void aFilePastItsLimitBecomesDotOneAndANewOneStarts() throws Exception {
        Path file = dir.resolve("data/envforge.log");
        LogFile log = new LogFile(file, 100, s -> s.replace("\u001b", "\\e"), "--- run 1");
        assertThat(file).doesNotExist();
        for (int i = 0; i < 3; i++) {
            log.write("line " + i + " " + "x".repeat(40) + "\u001b[2J\n");
        }
        log.close();
        // Lines 0 and 1 took it past 100 bytes: line 2 went to a new file.
        Path old = dir.resolve("data/envforge.log.1");
        assertThat(Files.readString(old)).startsWith("--- run 1\nline 0 ").contains("line 1").contains("\\e[2J")
                .doesNotContain("\u001b").doesNotContain("line 2");
        assertThat(Files.readString(file)).startsWith("line 2 ");

        // The next process appends to the current file, after its own header.
        LogFile next = new LogFile(file, 100, s -> s, "--- run 2");
        next.write("more\n");
        next.close();
        assertThat(Files.readString(file)).startsWith("line 2 ").endsWith("--- run 2\nmore\n");
        assertThat(Files.readString(old)).doesNotContain("run 2");
    }
}
