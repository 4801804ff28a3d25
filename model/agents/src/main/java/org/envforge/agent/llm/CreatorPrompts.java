package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.envforge.agent.CreationRequest;
import org.envforge.agent.ItemVerdict;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.text.Clip;

/**
 * The LLM creator's prompts: the system message with the schema, and the requests to write or fix
 * one task. What came from a sandbox (audit reasons quoting its output) and the memory note are
 * each clipped to {@link Clip#PROMPT_SECTION}; so are the task's files ({@link DraftWriter}).
 */
final class CreatorPrompts {

    /** What a new task is written from besides the plugin. */
    record Material(String exampleJson, String dataRows, String provenance) {
    }

    private CreatorPrompts() {
    }

    static String system(SoftwarePlugin plugin) {
        return "You write tasks for EnvForge, which turns real desktop software into verified training environments for "
                + "computer-use agents. A task is a start state (files, setup), the app's launch, an instruction for an agent, a "
                + "checker that reads the app's real state through probes, a checklist, privileged facts and an oracle that "
                + "solves the task through the GUI.\n\n" + app(plugin) + "\n" + DraftSchema.TEXT;
    }

    /** The request to write task {@code index} (0-based) of the environment. */
    static String create(CreationRequest request, int index, Material material, List<TaskDraft> written) {
        StringBuilder sb = new StringBuilder();
        sb.append("Write task ").append(index + 1).append(" of ").append(request.tasks()).append(" of the environment \"")
                .append(request.envName()).append("\" (it stands for the product \"").append(request.product()).append("\").\n");
        if (material.exampleJson() != null) {
            sb.append("\nA worked example of a sound task for this app (long files shortened here; write yours in full):\n")
                    .append(material.exampleJson()).append('\n');
        }
        if (!material.dataRows().isEmpty()) {
            sb.append("\nReal data to build the task on (tab-separated; take the rows you need, keep data files under 40 rows):\n")
                    .append(material.dataRows()).append("Its provenance: ").append(material.provenance()).append('\n');
        }
        memory(sb, request);
        if (!written.isEmpty()) {
            sb.append("\nTasks already written for this environment; make this one different:\n");
            written.forEach(t -> sb.append("- ").append(t.name()).append(": ").append(t.instruction()).append('\n'));
        }
        return sb.append("\nReply with the task's JSON object only.").toString();
    }

    /** The request to fix a task that failed an audit. */
    static String fix(CreationRequest request, ObjectNode previous, List<ItemVerdict> failures, List<ItemVerdict> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append("An auditor ran this task of the environment \"").append(request.envName())
                .append("\" in a sandbox and it failed the audit. Its artefacts:\n").append(previous.toPrettyString()).append('\n');
        sb.append("\nFailed audit items:\n").append(Clip.text(items(failures), Clip.PROMPT_SECTION));
        if (!warnings.isEmpty()) {
            sb.append("\nItems that only partly passed:\n").append(Clip.text(items(warnings), Clip.PROMPT_SECTION));
        }
        memory(sb, request);
        return sb.append("\nWrite the whole task again, fixed, as one JSON object in the schema; keep what was sound.").toString();
    }

    private static String items(List<ItemVerdict> items) {
        return items.stream().map(i -> "- " + i.item() + " (" + i.description() + "): " + i.reason())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void memory(StringBuilder sb, CreationRequest request) {
        if (request.memoryNote() != null && !request.memoryNote().isBlank()) {
            sb.append("\nLessons from earlier audits of this app's tasks:\n").append(Clip.text(request.memoryNote().strip(),
                    Clip.PROMPT_SECTION)).append('\n');
        }
    }

    private static String app(SoftwarePlugin plugin) {
        PluginDescriptor d = plugin.descriptor();
        StringBuilder sb = new StringBuilder("The app: ").append(d.displayName()).append(" (plugin ").append(d.id()).append(").\n");
        sb.append("Programs on the PATH: ").append(String.join(", ", d.executables())).append(".\n");
        sb.append("Debian packages installed: ").append(String.join(", ", d.aptPackages())).append(".\n");
        sb.append("Products it runs or stands in for: ")
                .append(d.products().stream().map(p -> p.product() + " (" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + ")")
                        .collect(Collectors.joining(", ")))
                .append(".\n");
        sb.append("Its probes (ids for checker conditions):\n");
        for (Probe p : DraftReader.probes(plugin)) {
            sb.append("- ").append(p.id()).append(": ").append(p.describe()).append('\n');
        }
        sb.append("The sandbox user's home folder is /home/envforge (written ~ in instructions and probe paths).\n");
        return sb.toString();
    }
}
