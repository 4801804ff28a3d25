package org.envforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How a task's result is checked. */
public sealed interface Checker {

    /** A short description for lists and messages. */
    String describe();

    /** A Python program checker, Gym-Anything style: "verifier.py::verify_x". */
    record Program(String file, String function) implements Checker {
        @Override
        public String describe() {
            return "program " + file + "::" + function;
        }
    }

    /** The VLM checklist alone decides. */
    record VlmChecklist() implements Checker {
        @Override
        public String describe() {
            return "VLM checklist";
        }
    }

    /**
     * EnvForge's own checker: conditions on privileged probe outputs (a cell's value, a file's
     * text), all of which must hold. Runs without Python and exports to OSWorld where a probe has
     * an OSWorld equivalent.
     */
    record Probes(List<Condition> conditions) implements Checker {
        public Probes {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String describe() {
            return conditions.size() + " probe condition" + (conditions.size() == 1 ? "" : "s");
        }
    }

    /**
     * One condition: run a probe (with arguments) in the sandbox and compare its output.
     *
     * @param probe the probe id a plugin offers, e.g. "cell" or "file_text"
     * @param args probe arguments, e.g. {"file": "~/budget.gnumeric", "cell": "B7"}
     * @param op equals, equals_number, contains, not_contains, matches, exists
     * @param expected the expected value (for equals_number: a number; tolerance in args "tolerance")
     */
    record Condition(String probe, JsonNode args, String op, JsonNode expected) {
    }

    /** An OSWorld evaluator (func, result, expected, options, conj, postconfig), kept as is. */
    record OsworldEvaluator(JsonNode evaluator) implements Checker {
        @Override
        public String describe() {
            JsonNode f = evaluator.path("func");
            return "OSWorld " + (f.isArray() ? f.toString() : f.asText());
        }
    }

    /** A checker of a mode EnvForge does not know; kept for round trips. */
    record Unknown(String mode, JsonNode spec) implements Checker {
        @Override
        public String describe() {
            return "unknown mode " + mode;
        }
    }
}
