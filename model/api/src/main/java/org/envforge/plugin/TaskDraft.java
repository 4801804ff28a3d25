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

    /** A draft to fill in: empty files, launch, oracle and metadata, no setup or export script, the rest unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this draft's fields, to make a copy with some of them changed. */
    public Builder toBuilder() {
        return new Builder().template(template).name(name).instruction(instruction).difficulty(difficulty).maxSteps(maxSteps)
                .timeoutSeconds(timeoutSeconds).files(files).setup(setup).launch(launch).windowTitle(windowTitle).export(export)
                .checker(checker).checklist(checklist).privilegedInfo(privilegedInfo).oracle(oracle).metadata(metadata)
                .provenance(provenance);
    }

    /** A copy with another instruction (a creator fixing an ambiguous one). */
    public TaskDraft withInstruction(String text) {
        return toBuilder().instruction(text).build();
    }

    /** A copy with other start files (a creator regenerating data). */
    public TaskDraft withFiles(Map<String, byte[]> f) {
        return toBuilder().files(f).build();
    }

    /** A copy with another checker. */
    public TaskDraft withChecker(Checker.Probes c) {
        return toBuilder().checker(c).build();
    }

    /** A copy with another oracle. */
    public TaskDraft withOracle(List<Action> o) {
        return toBuilder().oracle(o).build();
    }

    /** A copy with another setup script. */
    public TaskDraft withSetup(String s) {
        return toBuilder().setup(s).build();
    }

    /** Builds a {@link TaskDraft} field by field, by name; {@link #build()} makes the draft (and copies the collections). */
    public static final class Builder {
        private String template;
        private String name;
        private String instruction;
        private String difficulty;
        private int maxSteps;
        private int timeoutSeconds;
        private Map<String, byte[]> files = Map.of();
        private String setup = "";
        private List<String> launch = List.of();
        private String windowTitle;
        private String export = "";
        private Checker.Probes checker;
        private Checklist checklist;
        private PrivilegedInfo privilegedInfo;
        private List<Action> oracle = List.of();
        private Map<String, JsonNode> metadata = Map.of();
        private String provenance;

        private Builder() {
        }

        public Builder template(String value) {
            this.template = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder instruction(String value) {
            this.instruction = value;
            return this;
        }

        public Builder difficulty(String value) {
            this.difficulty = value;
            return this;
        }

        public Builder maxSteps(int value) {
            this.maxSteps = value;
            return this;
        }

        public Builder timeoutSeconds(int value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Builder files(Map<String, byte[]> value) {
            this.files = value;
            return this;
        }

        public Builder setup(String value) {
            this.setup = value;
            return this;
        }

        public Builder launch(List<String> value) {
            this.launch = value;
            return this;
        }

        public Builder windowTitle(String value) {
            this.windowTitle = value;
            return this;
        }

        public Builder export(String value) {
            this.export = value;
            return this;
        }

        public Builder checker(Checker.Probes value) {
            this.checker = value;
            return this;
        }

        public Builder checklist(Checklist value) {
            this.checklist = value;
            return this;
        }

        public Builder privilegedInfo(PrivilegedInfo value) {
            this.privilegedInfo = value;
            return this;
        }

        public Builder oracle(List<Action> value) {
            this.oracle = value;
            return this;
        }

        public Builder metadata(Map<String, JsonNode> value) {
            this.metadata = value;
            return this;
        }

        public Builder provenance(String value) {
            this.provenance = value;
            return this;
        }

        /** The draft. */
        public TaskDraft build() {
            return new TaskDraft(template, name, instruction, difficulty, maxSteps, timeoutSeconds, files, setup, launch, windowTitle,
                    export, checker, checklist, privilegedInfo, oracle, metadata, provenance);
        }
    }
}
