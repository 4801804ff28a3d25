package org.envforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;

/**
 * A task: instruction, limits, start-state setup and result export (hooks), checker, ground-truth
 * metadata, checklist, privileged information and an oracle solution. The documents keep every
 * field of the source files for lossless round trips.
 *
 * @param id such as basic_formulas@1 (OSWorld: the task UUID)
 * @param name the folder name (OSWorld: the UUID)
 * @param envId the environment id it belongs to
 * @param setup the pre_task hook (start state), or null
 * @param export the post_task hook (result export), or null
 * @param metadata ground-truth values for the checker
 * @param checklist null when the task has none
 * @param privilegedInfo null when the task has none
 * @param oracle actions that solve the task, empty when none is known
 * @param documents the source documents by file name: task.json, vlm_checklist.json,
 *     validated_pi.json, oracle.json, or osworld.json for OSWorld tasks
 */
public record TaskSpec(String id, String name, String envId, String version, String instruction, String difficulty,
        Limits limits, String setup, String export, Checker checker, Map<String, JsonNode> metadata, Checklist checklist,
        PrivilegedInfo privilegedInfo, List<Action> oracle, Map<String, ObjectNode> documents) {

    public TaskSpec {
        metadata = Map.copyOf(metadata);
        oracle = List.copyOf(oracle);
        documents = Map.copyOf(documents);
    }

    public static final String TASK_JSON = "task.json";
    public static final String CHECKLIST_JSON = "vlm_checklist.json";
    public static final String PI_JSON = "validated_pi.json";
    public static final String ORACLE_JSON = "oracle.json";
    public static final String OSWORLD_JSON = "osworld.json";
}
