package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.Session;

/**
 * Reads a piece of the app's real state through a session's privileged channel (files, commands
 * run in the sandbox), for checkers and auditors.
 */
public interface Probe {

    /** Short id used in checker conditions, such as cell or file_text. */
    String id();

    /** What it reads, for people. */
    String describe();

    /** The value now, as text (empty when absent). */
    String read(Session session, JsonNode args);

    /** The command line that prints the value inside a sandbox, when there is one (for OSWorld export). */
    default Optional<List<String>> commandLine(JsonNode args) {
        return Optional.empty();
    }

    /**
     * A probe that is a command line plus an output parser: it runs the command line in the
     * sandbox and parses the result, and the same command line is what an export (OSWorld) runs.
     *
     * @param id the probe's id, such as cell
     * @param description what it reads, for people
     * @param commandLine the command line for the probe's arguments (it may refuse them with an IllegalArgumentException)
     * @param parser the value from the command's result (for example its output, or empty when it failed)
     */
    static Probe command(String id, String description, Function<JsonNode, List<String>> commandLine,
            Function<ExecResult, String> parser) {
        Objects.requireNonNull(id);
        Objects.requireNonNull(description);
        Objects.requireNonNull(commandLine);
        Objects.requireNonNull(parser);
        return new Probe() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String read(Session session, JsonNode args) {
                return parser.apply(session.exec(commandLine.apply(args)));
            }

            @Override
            public Optional<List<String>> commandLine(JsonNode args) {
                return Optional.of(commandLine.apply(args));
            }

            @Override
            public String toString() {
                return "probe " + id;
            }
        };
    }
}
