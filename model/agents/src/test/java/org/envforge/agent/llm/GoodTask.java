package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Replies in the creator's schema for {@link TestPlugin}: a sound one, to be broken on purpose by tests. */
final class GoodTask {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoodTask() {
    }

    static ObjectNode json(String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name);
        o.put("instruction", "Open ~/analysts.tsv and write the total employment of the listed occupations on a new last line.");
        o.put("difficulty", "easy");
        o.put("max_steps", 15);
        o.put("timeout_sec", 180);
        o.putObject("files").put("analysts.tsv", "soc\temployment\n15-1211\t527200\n15-1212\t168900\n");
        o.put("setup", "");
        o.putArray("launch").add("editor").add("--title").add(TestPlugin.TITLE).add("analysts.tsv");
        o.put("window_title", "^Notes - Editor$");
        ArrayNode conditions = o.putObject("checker").putArray("conditions");
        ObjectNode c = conditions.addObject().put("probe", "line");
        c.putObject("args").put("path", "~/analysts.tsv").put("number", 4);
        c.put("op", "equals_number").put("expected", 696100);
        ObjectNode f = conditions.addObject().put("probe", "file_exists");
        f.putObject("args").put("path", "~/analysts.tsv");
        f.put("op", "exists");
        ObjectNode checklist = o.putObject("checklist");
        checklist.putArray("completion").addObject().put("id", "total_line").put("description", "The last line is 696100.")
                .put("points", 70).put("visual_evidence", "The editor shows 696100.");
        checklist.withArray("completion").addObject().put("id", "saved").put("description", "The file is saved.").put("points", 30)
                .put("visual_evidence", "No unsaved mark in the title.");
        checklist.putArray("integrity").addObject().put("id", "rows_kept").put("description", "The rows are unchanged.")
                .put("visual_evidence", "Both rows visible.");
        checklist.put("note", "The total is 696100.");
        o.putArray("privileged_info").addObject().put("key", "total").put("value", 696100).put("source", "527200 + 168900 (BLS rows)");
        ArrayNode oracle = o.putArray("oracle");
        oracle.addObject().putObject("control").putObject("wait_for_window").put("title", "Notes").put("timeout", 10);
        oracle.addObject().putObject("keyboard").putArray("keys").add("ctrl").add("end");
        oracle.addObject().putObject("keyboard").put("text", "696100\n");
        oracle.addObject().putObject("keyboard").putArray("keys").add("ctrl").add("s");
        o.put("provenance", TinySeedData.PROVENANCE);
        return o;
    }

    static String reply(String name) {
        return json(name).toPrettyString();
    }
}
