package org.envforge.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.spec.Checker;
import org.envforge.spec.Checklist;
import org.envforge.spec.PrivilegedInfo;

/**
 * A task a template made, ready to run: start-state files and setup, the app launch and its
 * readiness, the checker, the checklist, privileged information and an oracle that solves it
 * through the GUI.
 *
 * @param name task folder name, unique within the environment (such as total_employment_s7)
 * @param files files to put in the sandbox home before setup (paths relative to HOME)
 * @param setup a bash script run in the sandbox before the app starts (may be empty)
 * @param launch the app's command line
 * @param windowTitle a regular expression the app's window title matches once it is ready
 * @param export a bash script run after an episode to export the result (may be empty)
 * @param metadata ground-truth values
 * @param provenance where the data comes from
 */
public record TaskDraft(String template, String name, String instruction, String difficulty, int maxSteps, int timeoutSeconds,
        Map<String, byte[]> files, String setup, List<String> launch, String windowTitle, String export,
        Checker.Probes checker, Checklist checklist, PrivilegedInfo privilegedInfo, List<Action> oracle,
        Map<String, JsonNode> metadata, String provenance) {

    public TaskDraft {
        files = Map.copyOf(files);
        launch = List.copyOf(launch);
        oracle = List.copyOf(oracle);
        metadata = Map.copyOf(metadata);
    }

    /** A copy with another instruction (a creator fixing an ambiguous one). */
    public TaskDraft withInstruction(String text) {
        return new TaskDraft(template, name, text, difficulty, maxSteps, timeoutSeconds, files, setup, launch, windowTitle, export,
                checker, checklist, privilegedInfo, oracle, metadata, provenance);
    }

    /** A copy with other start files (a creator regenerating data). */
    public TaskDraft withFiles(Map<String, byte[]> f) {
        return new TaskDraft(template, name, instruction, difficulty, maxSteps, timeoutSeconds, f, setup, launch, windowTitle, export,
                checker, checklist, privilegedInfo, oracle, metadata, provenance);
    }

    /** A copy with another checker. */
    public TaskDraft withChecker(Checker.Probes c) {
        return new TaskDraft(template, name, instruction, difficulty, maxSteps, timeoutSeconds, files, setup, launch, windowTitle, export,
                c, checklist, privilegedInfo, oracle, metadata, provenance);
    }

    /** A copy with another oracle. */
    public TaskDraft withOracle(List<Action> o) {
        return new TaskDraft(template, name, instruction, difficulty, maxSteps, timeoutSeconds, files, setup, launch, windowTitle, export,
                checker, checklist, privilegedInfo, o, metadata, provenance);
    }

    /** A copy with another setup script. */
    public TaskDraft withSetup(String s) {
        return new TaskDraft(template, name, instruction, difficulty, maxSteps, timeoutSeconds, files, s, launch, windowTitle, export,
                checker, checklist, privilegedInfo, oracle, metadata, provenance);
    }
}
