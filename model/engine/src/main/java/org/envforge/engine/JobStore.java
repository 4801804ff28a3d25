package org.envforge.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envforge.agent.AuditReport;
import org.envforge.agent.Creation;
import org.envforge.agent.ItemVerdict;
import org.envforge.agent.TaskAudit;
import org.envforge.agent.TaskEvidence;
import org.envforge.store.Jobs;

/** Maps the engine's records to and from the store's job rows (JSON columns). */
final class JobStore {

    private JobStore() {
    }

    static void save(Jobs jobs, RoundRecord r, String plugin) {
        List<Jobs.Failure> failures = new ArrayList<>();
        if (r.audit() != null) {
            for (TaskAudit t : r.audit().tasks()) {
                for (ItemVerdict v : t.failures()) {
                    failures.add(new Jobs.Failure(plugin, t.task(), v.item(), r.finished()));
                }
            }
        } else if (r.error() != null) {
            failures.add(new Jobs.Failure(plugin, "", "round_error", r.finished()));
        }
        jobs.saveRound(new Jobs.RoundRow(r.job(), r.index(), r.round(), r.creator(), r.auditor(),
                r.creation() == null ? null : EngineJson.write(r.creation()), EngineJson.write(r.evidence()),
                r.audit() == null ? null : EngineJson.write(r.audit()), r.passed(), r.error(), r.started(), r.finished()), failures);
    }

    static List<RoundRecord> rounds(Jobs jobs, long job, int index) {
        List<RoundRecord> out = new ArrayList<>();
        for (Jobs.RoundRow r : jobs.rounds(job, index)) {
            Creation c = r.creationJson() == null ? null : EngineJson.read(r.creationJson(), Creation.class);
            List<TaskEvidence> ev = r.evidenceJson() == null ? List.of() : readList(r.evidenceJson());
            AuditReport a = r.auditJson() == null ? null : EngineJson.read(r.auditJson(), AuditReport.class);
            out.add(new RoundRecord(r.job(), r.index(), r.round(), r.creator(), r.auditor(), c, ev, a, r.passed(), r.error(),
                    r.started(), r.finished()));
        }
        return out;
    }

    private static List<TaskEvidence> readList(String json) {
        try {
            return EngineJson.MAPPER.readValue(json, new TypeReference<List<TaskEvidence>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not valid: " + e.getOriginalMessage(), e);
        }
    }

    static Optional<JobInfo> job(Jobs jobs, long id) {
        return jobs.job(id).map(row -> new JobInfo(row.id(), EngineJson.read(row.specJson(), JobSpec.class), row.status(),
                row.created(), row.updated(), row.message(), jobs.items(id).stream().map(i -> new JobItem(i.job(), i.index(), i.plugin(),
                        i.product(), i.envName(), i.status(), i.rounds(), i.message())).toList()));
    }
}
