package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.Session;

/** Probes every plugin has: a file's text, whether a file exists, a command's output. */
public final class BuiltInProbes {

    private BuiltInProbes() {
    }

    public static final Probe FILE_TEXT = new Probe() {
        @Override
        public String id() {
            return "file_text";
        }

        @Override
        public String describe() {
            return "the text of a file in the sandbox home (args: path)";
        }

        @Override
        public String read(Session s, JsonNode args) {
            ExecResult r = s.exec(List.of("cat", "--", path(args)));
            return r.ok() ? r.stdout() : "";
        }

        @Override
        public Optional<List<String>> commandLine(JsonNode args) {
            return Optional.of(List.of("cat", path(args)));
        }
    };

    public static final Probe FILE_EXISTS = new Probe() {
        @Override
        public String id() {
            return "file_exists";
        }

        @Override
        public String describe() {
            return "yes when a file or folder exists (args: path)";
        }

        @Override
        public String read(Session s, JsonNode args) {
            return s.exec(List.of("test", "-e", path(args))).ok() ? "yes" : "no";
        }

        @Override
        public Optional<List<String>> commandLine(JsonNode args) {
            return Optional.of(List.of("sh", "-c", "test -e \"$1\" && echo yes || echo no", "sh", path(args)));
        }
    };

    /** The standard output of a shell command run in the sandbox (args: command). */
    public static final Probe COMMAND = new Probe() {
        @Override
        public String id() {
            return "command";
        }

        @Override
        public String describe() {
            return "the output of a shell command run in the sandbox (args: command)";
        }

        @Override
        public String read(Session s, JsonNode args) {
            ExecResult r = s.exec(List.of("bash", "-c", args.path("command").asText()));
            return r.stdout();
        }

        @Override
        public Optional<List<String>> commandLine(JsonNode args) {
            return Optional.of(List.of("bash", "-c", args.path("command").asText()));
        }
    };

    public static final List<Probe> ALL = List.of(FILE_TEXT, FILE_EXISTS, COMMAND);

    /** A probe path relative to the sandbox home becomes an absolute path there ("~/x" too). */
    static String path(JsonNode args) {
        String p = args.path("path").asText();
        if (p.startsWith("~/")) {
            return "/home/envforge/" + p.substring(2);
        }
        return p.startsWith("/") ? p : "/home/envforge/" + p;
    }
}
