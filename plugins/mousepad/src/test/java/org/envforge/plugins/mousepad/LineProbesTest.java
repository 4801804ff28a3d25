package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes' exported command lines (awk) agree with the Java reading of the same file. */
class LineProbesTest {

    @TempDir
    Path dir;

    private static ObjectNode args(Path file, Integer line) {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("path", file.toString());
        if (line != null) {
            a.put("line", String.valueOf(line));
        }
        return a;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out.strip();
    }

    @Test
    void commandLinesAgreeWithTheJavaReading() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/awk")), "awk is needed");
        for (String text : List.of("a\nb\nc\n", "a\nb\nc", "x\r\n\r\ny\r\n", "only")) {
            Path f = dir.resolve("t.txt");
            Files.writeString(f, text);
            assertThat(run(LineProbes.LINE_COUNT.commandLine(args(f, null)).orElseThrow()))
                    .as("line count of %s", text.replace("\n", "\\n")).isEqualTo(String.valueOf(TextLines.count(text)));
            for (int n : new int[] {1, 2, 3, -1, -2, 5, -5}) {
                assertThat(run(LineProbes.TEXT_LINE.commandLine(args(f, n)).orElseThrow()))
                        .as("line %d of %s", n, text.replace("\n", "\\n")).isEqualTo(TextLines.line(text, n).strip());
            }
        }
    }

    @Test
    void homePathsBecomeAbsolute() {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("path", "~/notes/x.txt");
        assertThat(LineProbes.path(a)).isEqualTo("/home/envforge/notes/x.txt");
        assertThat(LineProbes.path(a.put("path", "notes/x.txt"))).isEqualTo("/home/envforge/notes/x.txt");
        assertThat(LineProbes.path(a.put("path", "/tmp/x.txt"))).isEqualTo("/tmp/x.txt");
    }
}
