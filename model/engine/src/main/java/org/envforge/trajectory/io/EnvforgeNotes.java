package org.envforge.trajectory.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.envforge.trajectory.Trajectory;

/**
 * envforge.json, written next to an exported episode: the task reference, instruction and agent,
 * which neither OSWorld's nor Gym-Anything's layout keeps. Other tools ignore the file; EnvForge
 * reads it back on import so a round trip keeps the task.
 */
final class EnvforgeNotes {

    static final String FILE = "envforge.json";

    private EnvforgeNotes() {
    }

    static void write(Trajectory t, Path folder) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("task", t.taskRef());
        o.put("instruction", t.instruction());
        o.put("agent", t.agent());
        o.put("trajectory", t.id());
        o.put("source", t.source());
        Files.writeString(folder.resolve(FILE), m.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
    }
}
