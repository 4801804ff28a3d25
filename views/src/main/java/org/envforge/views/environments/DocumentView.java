package org.envforge.views.environments;

import java.util.List;
import java.util.Map;
import org.envforge.views.code.Language;

/**
 * A file as the Environments view shows it: its text, language, and the problems at its lines.
 *
 * @param name the file's path in the task or environment folder
 * @param lineProblems 1-based line to problem messages
 * @param errorLines lines whose problems include an error
 */
public record DocumentView(String name, String text, Language language, Map<Integer, List<String>> lineProblems,
        Map<Integer, Boolean> errorLines) {

    public int problemCount() {
        return lineProblems.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return name;
    }
}
