package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unusable LLM settings in the environment only fail the commands that need the LLM, with an
 * error naming the setting; everything else keeps working.
 */
class LlmSettingsProcessTest {

    @TempDir
    Path dir;

    private record Run(int code, String output) {
    }

    private Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dir.resolve("data").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ENVFORGE_LLM_URL", "http://127.0.0.1:9/v1");
        pb.environment().remove("ENVFORGE_LLM_MODEL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aMissingModelFailsOnlyTheLlmAgentWithTheSettingNamed() throws Exception {
        Run top = run("catalog", "top", "--n", "2");
        assertThat(top.code()).as(top.output()).isZero();
        assertThat(top.output()).contains("Microsoft Excel");

        Run rec = run("traj", "record", "template:xterm/total_employment/1", "--agent", "llm");
        assertThat(rec.code()).as(rec.output()).isNotZero();
        assertThat(rec.output()).contains("ENVFORGE_LLM").contains("model name is missing");
        Run oracle = run("traj", "list");
        assertThat(oracle.code()).as(oracle.output()).isZero();
    }
}
