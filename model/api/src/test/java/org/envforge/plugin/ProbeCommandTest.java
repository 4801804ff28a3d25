package org.envforge.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.Session;
import org.junit.jupiter.api.Test;

/** A probe made of a command line and an output parser runs that command line, parses its result and exports it. */
class ProbeCommandTest {

    private final List<List<String>> ran = new ArrayList<>();

    /** A session whose commands print {@code stdout} and exit with {@code code}; it records what ran. */
    private Session session(int code, String stdout) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (p, m, a) -> {
            if (m.getName().equals("exec")) {
                @SuppressWarnings("unchecked")
                List<String> argv = (List<String>) a[0];
                ran.add(argv);
                return new ExecResult(code, stdout, "", false, 1);
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    private static JsonNode path(String p) {
        return JsonNodeFactory.instance.objectNode().put("path", p);
    }

    @Test
    void runsItsCommandLineAndParsesTheResult() {
        Probe upper = Probe.command("upper", "a file's text in capitals (args: path)", a -> List.of("cat", a.path("path").asText()),
                r -> r.ok() ? r.stdout().toUpperCase(java.util.Locale.ROOT) : "");
        assertThat(upper.id()).isEqualTo("upper");
        assertThat(upper.describe()).isEqualTo("a file's text in capitals (args: path)");
        assertThat(upper.read(session(0, "hello"), path("/tmp/a"))).isEqualTo("HELLO");
        assertThat(ran).containsExactly(List.of("cat", "/tmp/a"));
        assertThat(upper.read(session(1, "oops"), path("/tmp/a"))).isEmpty();
        assertThat(upper.commandLine(path("/tmp/b"))).contains(List.of("cat", "/tmp/b"));
    }

    @Test
    void theBuiltInProbesAreCommandsToo() {
        assertThat(BuiltInProbes.FILE_TEXT.read(session(0, "text\n"), path("~/notes.txt"))).isEqualTo("text\n");
        assertThat(ran.get(0)).containsExactly("cat", "/home/envforge/notes.txt");
        assertThat(BuiltInProbes.FILE_TEXT.read(session(1, ""), path("x"))).isEmpty();
        assertThat(BuiltInProbes.FILE_EXISTS.read(session(0, "yes\n"), path("x"))).isEqualTo("yes");
        assertThat(BuiltInProbes.FILE_EXISTS.read(session(0, "no\n"), path("x"))).isEqualTo("no");
        assertThat(BuiltInProbes.FILE_EXISTS.commandLine(path("x")).orElseThrow()).isEqualTo(ran.get(ran.size() - 1));
        JsonNode cmd = JsonNodeFactory.instance.objectNode().put("command", "echo hi");
        assertThat(BuiltInProbes.COMMAND.read(session(3, "hi\n"), cmd)).isEqualTo("hi\n");
        assertThat(BuiltInProbes.COMMAND.commandLine(cmd)).contains(List.of("bash", "-c", "echo hi"));
    }
}
