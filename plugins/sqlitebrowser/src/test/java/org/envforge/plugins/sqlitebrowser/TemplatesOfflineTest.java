package org.envforge.plugins.sqlitebrowser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.PluginContract;
import org.envforge.spec.Checker;
import org.envforge.verify.ProbeChecker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates' logic without a GUI: for many seeds, the seed script loads, the checker fails on
 * the start state and passes once the oracle's SQL has run, using the host's sqlite3 the way the
 * sql probe does in the sandbox.
 */
class TemplatesOfflineTest {

    @TempDir
    Path dir;

    @Test
    void checkersFailAtTheStartAndPassAfterTheOracleSql() throws Exception {
        Assumptions.assumeTrue(hasSqlite3(), "sqlite3 is not installed");
        SqlitebrowserPlugin plugin = new SqlitebrowserPlugin();
        for (TaskTemplate t : plugin.templates()) {
            for (long seed = 1; seed <= 25; seed++) {
                TaskDraft d = t.generate(new TemplateContext(seed, PluginContract.seedData(), "sqlitebrowser_env@1"));
                PluginContract.checkDraft(d);
                Path home = Files.createDirectories(dir.resolve(d.name()));
                sqlite3(home, new String(d.files().get(OewsDatabase.SEED), StandardCharsets.UTF_8));
                assertThat(failing(d, home)).as(d.name() + " at the start").isNotEmpty();
                sqlite3(home, DbBrowser.typedSql(d.oracle()));
                assertThat(failing(d, home)).as(d.name() + " after the oracle").isEmpty();
            }
        }
    }

    @Test
    void sameSeedSameTask() {
        for (TaskTemplate t : new SqlitebrowserPlugin().templates()) {
            TaskDraft a = t.generate(new TemplateContext(7, PluginContract.seedData(), "e"));
            TaskDraft b = t.generate(new TemplateContext(7, PluginContract.seedData(), "e"));
            assertThat(a.instruction()).isEqualTo(b.instruction());
            assertThat(a.checker()).isEqualTo(b.checker());
        }
    }

    /** The descriptions of the conditions that do not hold. */
    private static List<String> failing(TaskDraft d, Path home) throws Exception {
        List<String> out = new ArrayList<>();
        for (Checker.Condition c : d.checker().conditions()) {
            assertThat(c.probe()).isEqualTo("sql");
            Process p = new ProcessBuilder(SqlProbe.command(c.args(), home.toString())).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            String actual = ok ? stdout : "";
            if (!ProbeChecker.compare(c.op(), actual, c.expected(), c.args())) {
                out.add(c.args().path("query").asText() + " gave \"" + actual.strip() + "\", not " + c.expected());
            }
        }
        return out;
    }

    private static void sqlite3(Path home, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-batch", "-bail", home.resolve("oews.db").toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("sqlite3: " + out + "\n" + script).isTrue();
    }

    private static boolean hasSqlite3() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
