package org.envforge.agent.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.envforge.agent.AgentException;
import org.envforge.agent.AuditChecklist;
import org.envforge.agent.AuditInput;
import org.envforge.agent.AuditReport;
import org.envforge.agent.Auditor;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.Checker;
import org.envforge.text.Clip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditor that asks a vision-language model: per task, one request with the audit items, the
 * instruction, the checker, the privileged facts and the evidence as text, and the start and end
 * screenshots attached as PNG images. It sees only the {@link AuditInput}, never the creator's
 * notes. A reply that is not the asked-for JSON goes back with the reason, up to a number of
 * replies per task; then, or when the endpoint fails, an {@link AgentException}.
 */
public final class VlmAuditor implements Auditor {

    public static final String ID = "vlm";
    /** Default replies per task before giving up. */
    public static final int DEFAULT_REPLIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(VlmAuditor.class);

    private final SchemaDialogue dialogue;

    public VlmAuditor(LlmClient client) {
        this(client, DEFAULT_REPLIES);
    }

    public VlmAuditor(LlmClient client, int maxReplies) {
        this.dialogue = new SchemaDialogue(client, maxReplies);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public AuditReport audit(AuditInput input) {
        String system = AuditPrompts.system();
        List<TaskAudit> audits = new ArrayList<>();
        for (AuditInput.TaskUnderAudit t : input.tasks()) {
            audits.add(auditTask(system, input.app(), t.task(), t.evidence(), input.blobs()));
        }
        return new AuditReport(ID, audits);
    }

    private TaskAudit auditTask(String system, String app, TaskDraft task, TaskEvidence evidence, Function<String, byte[]> blobs) {
        List<byte[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> shots = new ArrayList<>();
        attach(blobs, evidence.startShot(), "the start screenshot (before the oracle)", images, labels, shots);
        attach(blobs, evidence.endShot(), "the end screenshot (after the oracle)", images, labels, shots);
        String user = AuditPrompts.user(app, task, evidence, labels);
        Map<String, List<String>> grounds = grounds(task, shots);
        List<String> refusals = new ArrayList<>();
        try {
            List<ItemVerdict> items = dialogue.ask(LlmPrompt.of(system, user, images), reply -> AuditReplyReader.read(reply, grounds),
                    "audit of " + task.name(), refusals);
            refusals.forEach(r -> LOG.info("vlm auditor: {}", Clip.text(r, Clip.REASON)));
            return new TaskAudit(task.name(), items);
        } catch (AgentException e) {
            throw new AgentException("vlm auditor, " + (e.getMessage().startsWith("audit of ") ? "" : "audit of " + task.name() + ": ")
                    + e.getMessage(), e);
        }
    }

    private static void attach(Function<String, byte[]> blobs, String sha, String label, List<byte[]> images, List<String> labels,
            List<String> shots) {
        if (sha == null || sha.isBlank()) {
            return;
        }
        byte[] png;
        try {
            png = blobs.apply(sha);
        } catch (RuntimeException e) {
            LOG.warn("vlm auditor: cannot read screenshot {}: {}", sha, e.toString());
            return;
        }
        if (png == null || png.length == 0) {
            return;
        }
        images.add(png);
        labels.add("image " + images.size() + " is " + label);
        shots.add(sha);
    }

    /** What each item's verdict rests on: the screenshots, and for the checker's items its probes. */
    private static Map<String, List<String>> grounds(TaskDraft task, List<String> shots) {
        List<String> probes = task.checker() == null ? List.of()
                : task.checker().conditions().stream().map(Checker.Condition::probe).distinct().map(p -> "probe:" + p).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (AuditChecklist.Item i : AuditChecklist.ALL) {
            List<String> ev = new ArrayList<>(shots);
            if (i == AuditChecklist.NOT_SOLVED || i == AuditChecklist.ORACLE || i == AuditChecklist.GROUND_TRUTH) {
                ev.addAll(probes);
            }
            out.put(i.id(), ev);
        }
        return out;
    }
}
