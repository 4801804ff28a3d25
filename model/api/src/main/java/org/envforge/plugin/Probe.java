package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
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
}
