package org.envforge.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An environment as stored: its env.json, files, problems and where it came from. */
public record StoredEnvironment(EnvironmentSummary summary, ObjectNode document, List<SpecFile> files,
        List<Problem> problems, Provenance provenance) {

    public StoredEnvironment {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
