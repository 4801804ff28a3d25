package org.envforge.agent.llm;

import java.util.List;

/** The JSON schema the LLM creator asks for, one task per reply, as the prompt states it. */
final class DraftSchema {

    /** Condition operators the probe checker knows. */
    static final List<String> OPS = List.of("equals", "equals_ignore_case", "contains", "not_contains", "matches", "equals_number",
            "exists", "not_exists");

    /** Operators that take no expected value. */
    static final List<String> UNARY_OPS = List.of("exists", "not_exists");

    static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");

    static final String TEXT = """
            Reply with ONE JSON object and nothing else (no prose), with these fields:
            {
              "name": "short_task_name",            // lower-case letters, digits and underscores
              "instruction": "...",                 // what a user asks for, in plain words: the wanted result and where it goes
              "difficulty": "easy",                 // easy, medium or hard
              "max_steps": 20,                      // whole number > 0: GUI actions an agent may take
              "timeout_sec": 300,                   // whole number > 0
              "files": {"data/example.tsv": "..."}, // start-state files: path relative to the home folder -> full text
              "setup": "",                          // bash run in the sandbox before the app starts (may be empty)
              "launch": ["program", "arg"],         // the app's command line, not empty
              "window_title": "^Title$",            // regular expression the app window's title matches once it is ready
              "checker": {"conditions": [           // all must hold after a correct solution; at least one must fail at the start
                {"probe": "file_text", "args": {"path": "~/answers/total.txt"}, "op": "equals_number", "expected": 1234}
              ]},
              "checklist": {
                "completion": [{"id": "answer", "description": "...", "points": 100, "visual_evidence": "..."}],
                "integrity": [{"id": "data_untouched", "description": "...", "visual_evidence": "..."}],
                "note": "what the answer is, for the checker (privileged)"
              },
              "privileged_info": [{"key": "expected_total", "value": 1234, "source": "how it was computed from which rows"}],
              "oracle": [{"control": {"wait_for_window": {"title": "Title", "timeout": 10}}}, {"mouse": {"left_click": [400, 250]}},
                         {"keyboard": {"text": "typed text"}}, {"keyboard": {"keys": ["ctrl", "s"]}}, {"control": {"wait": 1.0}}],
              "provenance": "where the data comes from"
            }
            Rules:
            - "probe" is one of the app's probe ids listed above; "args" is an object (may be {}).
            - "op" is one of: equals, equals_ignore_case, contains, not_contains, matches (a regular expression for the whole
              value), equals_number ("expected" is a number; optional args.tolerance, relative), exists, not_exists (these two
              take no "expected" and read probes that answer yes or no).
            - The completion points add up to exactly 100; there is at least one integrity item.
            - "privileged_info" lists the facts the checker relies on, each with its source; at least one.
            - "oracle" solves the task through the GUI only, as Gym-Anything action dicts: mouse left_click, right_click,
              double_click, triple_click [x, y], move [x, y], left_click_drag [[x1, y1], [x2, y2]], scroll n; keyboard text or
              keys; control wait (seconds) or wait_for_window. The checker must pass after it.
            - The start state must not already hold the answer, and the instruction must not give the solution away (no
              commands, formulas or keystrokes to copy).
            - Use the real data rows given; never invent numbers.
            """;

    private DraftSchema() {
    }
}
