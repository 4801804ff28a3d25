package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.envforge.runtime.ExecResult;

/** Probes every plugin has: a file's text, whether a file exists, a command's output. */
public final class BuiltInProbes {

    private BuiltInProbes() {
    }

    /** The text of a file (args: path); empty when it cannot be read. */
    public static final Probe FILE_TEXT = Probe.command("file_text", "the text of a file in the sandbox home (args: path)",
            args -> List.of("cat", path(args)), r -> r.ok() ? r.stdout() : "");

    /** yes when a file or folder exists, else no (args: path). */
    public static final Probe FILE_EXISTS = Probe.command("file_exists", "yes when a file or folder exists (args: path)",
            args -> List.of("sh", "-c", "test -e \"$1\" && echo yes || echo no", "sh", path(args)),
            r -> r.ok() && r.stdout().strip().equals("yes") ? "yes" : "no");

    /** The standard output of a shell command run in the sandbox (args: command). */
    public static final Probe COMMAND = Probe.command("command", "the output of a shell command run in the sandbox (args: command)",
            args -> List.of("bash", "-c", args.path("command").asText()), ExecResult::stdout);

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
