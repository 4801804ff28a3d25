package org.envforge.app.wiring;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.envforge.agent.Auditor;
import org.envforge.agent.Creator;
import org.envforge.agent.llm.LlmClient;
import org.envforge.agent.llm.LlmComputerUseAgent;
import org.envforge.agent.llm.LlmCreator;
import org.envforge.agent.llm.LlmSettings;
import org.envforge.agent.llm.VlmAuditor;
import org.envforge.agent.recipe.RecipeCreator;
import org.envforge.agent.rules.RuleAuditor;
import org.envforge.agent.rules.RuleTestTimeAuditor;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.GdpSource;
import org.envforge.engine.Agents;
import org.envforge.engine.DefaultAgents;
import org.envforge.engine.GenerationEngine;
import org.envforge.engine.SandboxSolvedState;
import org.envforge.plugin.PluginRegistry;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.docker.DockerRuntime;
import org.envforge.runtime.kubernetes.KubernetesRuntime;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.service.CatalogService;
import org.envforge.service.EnvironmentExport;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.EnvironmentService;
import org.envforge.service.SandboxService;
import org.envforge.service.TrajectoryService;
import org.envforge.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the engine's services once and hands them to the GUI and the CLI (constructor injection;
 * no global lookups). The store opens on first use and closes with the engine.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Path dataDir;
    private final PluginRegistry plugins;
    private final CatalogService catalog;
    private final EnvironmentService environments;
    private final EnvironmentImport environmentImport;
    private final EnvironmentExport environmentExport;
    private final SandboxService sandboxes;
    private final GenerationEngine generation;
    private final TrajectoryService trajectories;
    private final String runtimeChoice;
    private SandboxRuntime runtime;
    private Store store;
    /** The LLM endpoint's client when ENVFORGE_LLM_* configure one. */
    private final Optional<LlmClient> llm;
    /** Why the ENVFORGE_LLM_* settings are unusable, or null: only the commands that need the LLM fail on it. */
    private final String llmProblem;

    public Engine(Path dataDir, GdpSource gdp, PluginRegistry plugins) {
        this.dataDir = dataDir;
        this.plugins = plugins;
        this.catalog = new CatalogService(gdp, plugins, this::store);
        this.environments = new EnvironmentService(this::store);
        this.environmentImport = new EnvironmentImport(this::store);
        this.environmentExport = new EnvironmentExport(this::store);
        this.runtimeChoice = System.getenv().getOrDefault("ENVFORGE_RUNTIME", "local");
        Optional<LlmClient> client;
        String problem = null;
        try {
            client = LlmSettings.fromEnvironment().map(LlmClient::new);
        } catch (IllegalArgumentException e) {
            client = Optional.empty();
            problem = "the LLM settings (ENVFORGE_LLM_*) are unusable: " + e.getMessage();
        }
        this.llm = client;
        this.llmProblem = problem;
        this.sandboxes = new SandboxService(this::runtime, plugins, () -> new CatalogSeedData(catalog.catalog()), this::store);
        this.generation = new GenerationEngine(this::store, this::runtime, plugins, agents(), true);
        this.trajectories = new TrajectoryService(this::store, sandboxes, environments, computerUseAgents(),
                new RuleTestTimeAuditor());
    }

    /** Computer-use agents besides the oracle: the LLM agent when an endpoint is configured. */
    private Map<String, TrajectoryService.AgentFactory> computerUseAgents() {
        Map<String, TrajectoryService.AgentFactory> out = new LinkedHashMap<>();
        llm.ifPresent(client -> out.put(LlmComputerUseAgent.ID, task -> new LlmComputerUseAgent(client)));
        if (llmProblem != null) {
            out.put(LlmComputerUseAgent.ID, task -> {
                throw new IllegalArgumentException(llmProblem);
            });
        }
        return out;
    }

    public TrajectoryService trajectories() {
        return trajectories;
    }

    /** The creators and auditors: the embedded recipe creator and rule auditor always. */
    private Agents agents() {
        Map<String, Supplier<Creator>> creators = new LinkedHashMap<>();
        creators.put("recipe", () -> new RecipeCreator(() -> new CatalogSeedData(catalog.catalog()),
                new SandboxSolvedState(this::runtime)));
        Map<String, Supplier<Auditor>> auditors = new LinkedHashMap<>();
        auditors.put("rules", RuleAuditor::new);
        // The LLM creator and the VLM auditor, when an endpoint is configured (ENVFORGE_LLM_URL, ENVFORGE_LLM_MODEL).
        llm.ifPresent(client -> {
            creators.put("llm", () -> new LlmCreator(client, () -> new CatalogSeedData(catalog.catalog())));
            auditors.put("vlm", () -> new VlmAuditor(client));
        });
        if (llmProblem != null) {
            creators.put("llm", () -> {
                throw new IllegalArgumentException(llmProblem);
            });
            auditors.put("vlm", () -> {
                throw new IllegalArgumentException(llmProblem);
            });
        }
        return new DefaultAgents(creators, auditors);
    }

    public GenerationEngine generation() {
        return generation;
    }

    /**
     * The sandbox runtime: local (default), docker (ENVFORGE_RUNTIME=docker, image ENVFORGE_DOCKER_IMAGE) or
     * kubernetes (ENVFORGE_RUNTIME=kubernetes, ENVFORGE_K8S_* and the kube config; see docs/runtimes.md).
     */
    public synchronized SandboxRuntime runtime() {
        if (runtime == null) {
            runtime = switch (runtimeChoice) {
                case "docker" -> DockerRuntime.fromEnvironment(System.getenv().getOrDefault("ENVFORGE_DOCKER_IMAGE",
                        DockerRuntime.DEFAULT_IMAGE));
                case "kubernetes" -> KubernetesRuntime.fromEnvironment();
                case "local" -> new LocalRuntime(dataDir.resolve("sessions"), List.of(dataDir), false);
                default -> throw new IllegalArgumentException("ENVFORGE_RUNTIME must be local, docker or kubernetes, was "
                        + runtimeChoice);
            };
        }
        return runtime;
    }

    public SandboxService sandboxes() {
        return sandboxes;
    }

    /** The engine with the shipped data and the plugins on the class path. */
    public static Engine standard(Path dataDir) {
        return new Engine(dataDir, GdpSource.shipped(), PluginRegistry.discover(Engine.class.getClassLoader()));
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized Store store() {
        if (store == null) {
            store = Store.open(dataDir);
        }
        return store;
    }

    public PluginRegistry plugins() {
        return plugins;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public EnvironmentService environments() {
        return environments;
    }

    public EnvironmentImport environmentImport() {
        return environmentImport;
    }

    public EnvironmentExport environmentExport() {
        return environmentExport;
    }

    @Override
    public synchronized void close() {
        if (runtime instanceof AutoCloseable c) {
            // A Kubernetes runtime deletes its pods here (its shutdown hook is the fallback after a crash).
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the sandbox runtime: {}", e.getMessage());
                LOG.debug("closing the sandbox runtime", e);
            }
            runtime = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
