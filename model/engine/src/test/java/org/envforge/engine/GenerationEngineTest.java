package org.envforge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creator;
import org.envforge.agent.Defect;
import org.envforge.agent.EnvironmentDraft;
import org.envforge.agent.StubPlugin;
import org.envforge.agent.recipe.RecipeCreator;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.job.ItemStatus;
import org.envforge.job.JobStatus;
import org.envforge.plugin.PluginRegistry;
import org.envforge.runtime.PluginContract;
import org.envforge.runtime.Sandboxes;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.service.EnvironmentService;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskStatus;
import org.envforge.store.Environments;
import org.envforge.store.Jobs;
import org.envforge.store.Store;
import org.envforge.store.StoreDamage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs end to end on real sandboxes with a small xterm plugin and the embedded agents. */
class GenerationEngineTest {

    @TempDir
    Path dir;

    private Store store;
    private GenerationEngine engine;

    @BeforeEach
    void setUp() {
        Sandboxes.requireTools(List.of("xterm"));
        store = Store.open(dir.resolve("data"));
        LocalRuntime rt = Sandboxes.local(dir);
        Map<String, Supplier<Creator>> creators = Map.of("recipe", () -> new RecipeCreator(PluginContract::seedData,
                new SandboxSolvedState(() -> rt)));
        Map<String, Supplier<Auditor>> auditors = Map.of("rules", RuleAuditor::new);
        engine = new GenerationEngine(() -> store, () -> rt, new PluginRegistry(List.of(new StubPlugin())),
                new DefaultAgents(creators, auditors), false);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void defectsFailTheFirstRoundAndTheCreatorFixesThem() {
        long id = engine.submit(new JobSpec(null, List.of("stub"), 1, 2, 3, "recipe", "rules", 1, 1.0, 5));
        List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
        JobInfo info = engine.run(id, events::add);
        assertThat(info.status()).isEqualTo(JobStatus.DONE);
        assertThat(info.items()).hasSize(1);
        JobItem item = info.items().get(0);
        assertThat(item.status()).isEqualTo(ItemStatus.PASSED);
        List<RoundRecord> rounds = engine.rounds(id, 0);
        assertThat(rounds.get(0).passed()).isFalse();
        assertThat(rounds.get(0).creation().injected()).hasSize(2);
        assertThat(rounds.get(rounds.size() - 1).passed()).isTrue();
        assertThat(rounds.get(rounds.size() - 1).creation().notes()).anyMatch(n -> n.startsWith("fixed "));
        // The auditor never saw the notes; the evidence has real screenshots.
        assertThat(rounds.get(0).evidence()).allSatisfy(e -> assertThat(store.blobs().contains(e.startShot())).isTrue());
        assertThat(events).anyMatch(e -> e instanceof JobEvent.AuditAnswer v
                && v.verdict().verdict() == org.envforge.agent.AuditVerdict.FAIL);
        assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Done.class);

        EnvironmentService envs = new EnvironmentService(() -> store);
        var tasks = envs.tasks(TaskFilter.all().withEnvId(item.envName() + "@1"));
        assertThat(tasks).hasSize(2).allMatch(t -> t.status() == TaskStatus.AUDIT_PASSED);
        StoredTask t = envs.task(tasks.get(0).key()).orElseThrow();
        assertThat(t.documents()).containsKeys("task.json", "vlm_checklist.json", "validated_pi.json", "oracle.json", "draft.json");
        assertThat(t.files()).extracting(f -> f.path()).contains("setup_task.sh", "files/data.tsv");
        // The stored task runs again: its draft comes back whole.
        var draft = DraftSpecs.draft(t, store.blobs());
        assertThat(draft.files()).containsKey("data.tsv");
        assertThat(draft.oracle()).hasSize(4);
    }

    @Test
    void aCancelledJobResumesWithoutDuplicates() {
        long id = engine.submit(new JobSpec(null, List.of("stub"), 3, 1, 2, "recipe", "rules", 1, 0.0, 9));
        engine.run(id, e -> {
            if (e instanceof JobEvent.ItemDone) {
                engine.cancel(id);
            }
        });
        JobInfo half = engine.job(id).orElseThrow();
        assertThat(half.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(half.count(ItemStatus.PASSED)).isEqualTo(1);
        var firstRounds = engine.rounds(id, 0);
        JobInfo done = engine.run(id, e -> { });
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.count(ItemStatus.PASSED)).isEqualTo(3);
        // The environment finished before the stop keeps its stored rounds, untouched.
        assertThat(engine.rounds(id, 0)).extracting(RoundRecord::round, RoundRecord::started, RoundRecord::finished)
                .containsExactlyElementsOf(firstRounds.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.round(), r.started(),
                        r.finished())).toList());
        assertThat(new EnvironmentService(() -> store).environments()).hasSize(3);
    }

    @Test
    void aResumeRepairsAnEnvironmentThatWasStoredHalf() {
        long id = engine.submit(new JobSpec(null, List.of("stub"), 1, 2, 1, "recipe", "rules", 1, 0.0, 4));
        JobInfo first = engine.run(id, e -> { });
        assertThat(first.items().get(0).status()).isEqualTo(ItemStatus.PASSED);
        String envId = first.items().get(0).envName() + "@1";
        EnvironmentService envs = new EnvironmentService(() -> store);
        List<String> refs = envs.tasks(TaskFilter.all().withEnvId(envId)).stream().map(t -> t.ref()).toList();
        assertThat(refs).hasSize(2);
        // As a store beside other processes once left it: the first task stored (and since approved by
        // a curator), the second lost, and the item closed with the error that stopped the storing.
        envs.decide(List.of(refs.get(0)), true, "curator:test", null, false);
        StoreDamage.dropTask(store, refs.get(1));
        new Jobs(store).setItemStatus(id, 0, ItemStatus.ERROR, "database is locked");

        JobInfo resumed = engine.run(id, e -> { });
        assertThat(resumed.items().get(0).status()).isEqualTo(ItemStatus.PASSED);
        assertThat(envs.tasks(TaskFilter.all().withEnvId(envId))).extracting(t -> t.ref(), t -> t.status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(refs.get(0), TaskStatus.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(refs.get(1), TaskStatus.AUDIT_PASSED));
        // Nothing else was made again: one round, and a whole environment is not stored twice.
        assertThat(engine.rounds(id, 0)).hasSize(1);
        assertThat(envs.task(refs.get(0)).orElseThrow().history()).extracting(h -> h.status())
                .containsExactly(TaskStatus.DRAFT, TaskStatus.AUDIT_PASSED, TaskStatus.APPROVED);
    }

    @Test
    void anEnvironmentIsStoredWithAllItsTasksOrNotAtAll() {
        long id = engine.submit(new JobSpec(null, List.of("stub"), 1, 2, 1, "recipe", "rules", 1, 0.0, 6));
        engine.run(id, e -> { });
        RoundRecord round = engine.rounds(id, 0).get(0);
        EnvironmentDraft made = round.creation().environment();
        // The second task cannot be stored: nothing of the environment may be.
        EnvironmentDraft half = new EnvironmentDraft("half_env", made.plugin(), made.product(),
                List.of(made.tasks().get(0), made.tasks().get(1).withChecker(null)));
        Environments environments = new Environments(store);
        assertThatThrownBy(() -> DraftSpecs.store(environments, store.blobs(), half, round.audit(), id, "stub"))
                .isInstanceOf(RuntimeException.class);
        assertThat(new EnvironmentService(() -> store).environment("half_env@1")).isEmpty();
    }

    @Test
    void unknownSoftwareAndAgentsAreClearErrors() {
        assertThatThrownBy(() -> engine.submit(new JobSpec(null, List.of("Photoshop"), 1, 1, 1, "recipe", "rules", 1, 0, 1)))
                .hasMessageContaining("no plugin runs any of the software asked for (Photoshop)");
        assertThatThrownBy(() -> engine.submit(new JobSpec(null, List.of("stub"), 1, 1, 1, "llm", "rules", 1, 0, 1)))
                .hasMessageContaining("no creator \"llm\"").hasMessageContaining("ENVFORGE_LLM_URL");
        assertThatThrownBy(() -> new JobSpec(null, List.of(), 1, 1, 1, "recipe", "rules", 1, 0, 1)).hasMessageContaining("--software");
        assertThat(Defect.values()).hasSize(6);
    }
}
