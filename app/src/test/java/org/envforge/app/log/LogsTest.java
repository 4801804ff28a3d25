package org.envforge.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * What is logged quotes outside text (a sandbox's window title of a megabyte in an exception's
 * message): the message and each line of the trace are bounded before they reach the console or
 * the log file.
 */
class LogsTest {

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Logs.configure(null, false, null, s -> s, "reset");
    }

    @Test
    void aMegabyteMessageAndTraceAreBoundedInTheFileAndOnTheConsole() throws Exception {
        StringWriter console = new StringWriter();
        Path file = dir.resolve("envforge.log");
        Logs.configure(new PrintWriter(console), false, file, s -> s.replace("\u001b", "\\e"), "test");
        String title = "T".repeat(1 << 20);
        Logs.log("org.envforge.engine.GenerationEngine", Level.ERROR, "round failed: no window " + title + " end",
                new IllegalStateException("no window matching \"x\" (windows: [" + title + "])",
                        new RuntimeException("\u001b[2J" + title)));
        String logged = Files.readString(file);
        assertThat(logged.length()).isLessThan(Logs.MAX_TRACE + 3 * 4096);
        assertThat(logged).contains("round failed: no window TTT").contains("IllegalStateException: no window matching")
                .contains("Caused by: java.lang.RuntimeException: \\e[2J").contains("at org.envforge.app.log.LogsTest")
                .doesNotContain("\u001b");
        assertThat(console.toString().length()).isLessThan(Logs.MAX_TRACE + 3 * 4096);
        assertThat(console.toString()).startsWith("envforge: error: round failed: no window TTT");
    }
}
