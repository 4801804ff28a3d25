package org.envforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin is compiled against the API module and Jackson alone (plugins/pom.xml bans the other
 * modules from its class path): on that class path a plugin that uses the plugin SPI compiles and
 * one that imports a store class does not.
 */
class PluginClassPathTest {

    @TempDir
    Path dir;

    @Test
    void aPluginUsingTheSpiCompilesOnTheApiAlone() throws Exception {
        String src = """
                package demo;
                import org.envforge.plugin.PluginDescriptor;
                import org.envforge.plugin.SoftwarePlugin;
                import org.envforge.runtime.Session;
                public abstract class Demo implements SoftwarePlugin {
                    public String where(Session s) { return s.toString(); }
                }
                """;
        Result r = compile("Demo", src);
        assertThat(r.ok()).as(r.log()).isTrue();
    }

    @Test
    void aPluginImportingAStoreClassDoesNotCompile() throws Exception {
        String src = """
                package demo;
                import org.envforge.store.Store;
                public final class Sneaky {
                    Store store;
                }
                """;
        Result r = compile("Sneaky", src);
        assertThat(r.ok()).isFalse();
        assertThat(r.log()).contains("package org.envforge.store does not exist");
    }

    private record Result(boolean ok, String log) {
    }

    private Result compile(String name, String source) throws Exception {
        Path file = Files.createDirectories(dir.resolve("src/demo")).resolve(name + ".java");
        Files.writeString(file, source);
        String classPath = String.join(File.pathSeparator, location(org.envforge.plugin.SoftwarePlugin.class),
                location(com.fasterxml.jackson.databind.JsonNode.class), location(com.fasterxml.jackson.core.JsonParser.class));
        assertThat(classPath).doesNotContain("envforge-store").doesNotContain("model/store");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        var files = javac.getStandardFileManager(null, null, null);
        boolean ok = javac.getTask(log, files, null,
                List.of("-classpath", classPath, "-d", Files.createDirectories(dir.resolve("out")).toString(), "-proc:none"), null,
                files.getJavaFileObjects(file)).call();
        return new Result(ok, log.toString());
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
