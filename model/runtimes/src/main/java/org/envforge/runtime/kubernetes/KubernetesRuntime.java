package org.envforge.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions as pods in a Kubernetes cluster, through the fabric8 client: each pod runs Xvfb and a
 * keep-alive; actions (xdotool), screenshots (xwd), window lists, probes and file transfer go
 * through exec. At most {@link KubernetesSettings#maxPods()} pods run at once; starting one more
 * waits (interruptibly) for a free slot.
 *
 * <p>Cleanup: every pod carries this runtime's owner id. A pod is deleted when its session closes
 * or fails to start, when the runtime closes, and from a JVM shutdown hook; while a session lives
 * its pod's heartbeat annotation is refreshed, and {@link #reapOrphans()} deletes pods of other
 * owners whose heartbeat is older than the orphan TTL (their process died without cleaning up).
 */
public final class KubernetesRuntime implements SandboxRuntime, AutoCloseable {

    /** A session request's env entry naming its generation job; it becomes the pod's envforge/job label. */
    public static final String JOB_ENV = org.envforge.runtime.SessionRequest.JOB_ENV;

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesRuntime.class);

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final KubernetesSettings settings;
    private final Clock clock;
    private final Duration pollInterval;
    private final String owner;
    private final Semaphore slots;
    /** Pods this runtime created and has not yet managed to delete. */
    private final Set<String> ownedPods = ConcurrentHashMap.newKeySet();
    private final Map<String, KubernetesSession> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile ScheduledExecutorService heartbeats;
    private volatile boolean closed;

    /** A runtime on a client the caller owns (and closes). */
    public KubernetesRuntime(KubernetesClient client, KubernetesSettings settings) {
        this(client, settings, false, Clock.systemUTC(), Duration.ofMillis(250));
    }

    KubernetesRuntime(KubernetesClient client, KubernetesSettings settings, boolean ownsClient, Clock clock, Duration pollInterval) {
        this.client = client;
        this.settings = settings;
        this.ownsClient = ownsClient;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.owner = "o" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
        this.slots = new Semaphore(settings.maxPods(), true);
        this.shutdownHook = new Thread(this::deleteOwned, "envforge-k8s-cleanup-" + owner);
    }

    /**
     * A runtime from the standard fabric8 discovery (KUBECONFIG, ~/.kube/config, or the in-cluster
     * service account) and the ENVFORGE_K8S_* variables (see {@link KubernetesSettings#fromEnvironment}).
     */
    public static KubernetesRuntime fromEnvironment() {
        // fabric8 retries failed requests 10 times with exponential back-off by default (minutes when no
        // API server answers); three retries ride out a blip without making `missing()` hang.
        Config config = new ConfigBuilder(Config.autoConfigure(null)).withRequestRetryBackoffLimit(3).build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        try {
            return new KubernetesRuntime(client, KubernetesSettings.fromEnvironment(System.getenv(), client.getNamespace()), true,
                    Clock.systemUTC(), Duration.ofMillis(250));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return "kubernetes";
    }

    public KubernetesSettings settings() {
        return settings;
    }

    /** The owner id on this runtime's pods (label envforge/owner). */
    public String owner() {
        return owner;
    }

    /** Session pods running or starting now. */
    public int podsInUse() {
        return settings.maxPods() - slots.availablePermits();
    }

    /** Empty when the API server answers and lets us list pods in the namespace; else why not. */
    @Override
    public List<String> missing() {
        try {
            client.pods().inNamespace(settings.namespace()).list(new ListOptionsBuilder().withLimit(1L).build());
            return List.of();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                return List.of("the Kubernetes user may not list pods in namespace " + settings.namespace() + " (" + rootMessage(e)
                        + "); it needs pods get/list/create/delete/patch and pods/exec (see docs/runtimes.md)");
            }
            return List.of("no Kubernetes API server answers at " + client.getMasterUrl() + " (" + rootMessage(e)
                    + "); point KUBECONFIG or ~/.kube/config at a cluster (see docs/runtimes.md)");
        }
    }

    @Override
    public Session start(SessionRequest request) {
        ensureOpen();
        firstStart();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a free Kubernetes pod (all " + settings.maxPods() + " in use)");
        }
        String name = PodSpecs.podName(request.name(), HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        ownedPods.add(name);
        boolean ok = false;
        try {
            ensureOpen();
            Pod pod = PodSpecs.pod(name, settings.namespace(), settings.image(), owner, request.env().get(JOB_ENV), request,
                    clock.instant());
            try {
                client.pods().inNamespace(settings.namespace()).resource(pod).create();
            } catch (KubernetesClientException e) {
                if (interrupted(e)) {
                    // Cancelled while the API server had not answered yet: the pod may exist, and is deleted below.
                    Thread.currentThread().interrupt();
                    throw new SandboxException("interrupted while pod " + name + " in namespace " + settings.namespace()
                            + " was being created", e);
                }
                throw new SandboxException("cannot create pod " + name + " in namespace " + settings.namespace() + ": "
                        + rootMessage(e), e);
            }
            awaitReady(name);
            KubernetesSession s = new KubernetesSession(client, settings.namespace(), name, request, this::closed);
            sessions.put(name, s);
            ok = true;
            return s;
        } finally {
            if (!ok) {
                deletePod(name);
                slots.release();
            }
        }
    }

    private void awaitReady(String name) {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        String where = "pod " + name + " in namespace " + settings.namespace();
        Pod pod = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                pod = client.pods().inNamespace(settings.namespace()).withName(name).get();
                lastError = null;
                if (pod == null) {
                    throw new SandboxException(where + " was deleted while it started");
                }
                if (PodSpecs.isReady(pod)) {
                    return;
                }
                String fatal = PodSpecs.fatal(pod).orElse(null);
                if (fatal != null) {
                    throw new SandboxException(where + " cannot start: " + fatal + " (image " + settings.image()
                            + "; build and push it where the cluster can pull it, see docs/runtimes.md)");
                }
            } catch (KubernetesClientException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new SandboxException(where + " did not become ready within " + settings.startupTimeout().toSeconds() + " s: "
                        + (lastError != null ? "the API server did not answer (" + rootMessage(lastError) + ")" : PodSpecs.describe(pod)));
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while " + where + " was starting");
            }
        }
    }

    /** Called once by a session as it closes. */
    private void closed(KubernetesSession s) {
        sessions.remove(s.id());
        try {
            deletePod(s.id());
        } finally {
            slots.release();
        }
    }

    /** Deletes a pod now (no grace period); on failure it stays owned, for close, the hook or a later reap. */
    private boolean deletePod(String name) {
        // A cancelled (interrupted) caller must still clean up: the client's calls fail on an interrupted thread.
        boolean interrupted = Thread.interrupted();
        try {
            client.pods().inNamespace(settings.namespace()).withName(name).withGracePeriod(0).delete();
            ownedPods.remove(name);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot delete pod {} in namespace {}: {}", name, settings.namespace(), rootMessage(e));
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes every pod labelled with this runtime's owner id (one collection delete). */
    private void deleteOwned() {
        boolean interrupted = Thread.interrupted();
        try {
            client.pods().inNamespace(settings.namespace()).withLabel(PodSpecs.OWNER_LABEL, owner).withGracePeriod(0).delete();
            ownedPods.clear();
        } catch (RuntimeException e) {
            LOG.warn("cannot delete the pods of owner {} in namespace {}: {}", owner, settings.namespace(), rootMessage(e));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Deletes pods labelled app=envforge whose owner is not alive: another owner's pods whose
     * heartbeat (or, without one, creation time) is older than the orphan TTL, and pods of this
     * runtime that no session holds. Returns the names deleted.
     */
    public List<String> reapOrphans() {
        Instant now = clock.instant();
        List<String> deleted = new ArrayList<>();
        List<Pod> pods = client.pods().inNamespace(settings.namespace()).withLabel(PodSpecs.APP_LABEL, PodSpecs.APP)
                .withLabel(PodSpecs.OWNER_LABEL).list().getItems();
        for (Pod p : pods) {
            String name = p.getMetadata().getName();
            boolean orphan;
            if (owner.equals(p.getMetadata().getLabels().get(PodSpecs.OWNER_LABEL))) {
                orphan = !ownedPods.contains(name);
            } else {
                Instant beat = lastHeartbeat(p);
                orphan = beat == null || beat.plus(settings.orphanTtl()).isBefore(now);
            }
            if (orphan && deletePod(name)) {
                LOG.info("deleted orphaned sandbox pod {} (owner {})", name, p.getMetadata().getLabels().get(PodSpecs.OWNER_LABEL));
                deleted.add(name);
            }
        }
        return deleted;
    }

    private static Instant lastHeartbeat(Pod p) {
        Map<String, String> a = p.getMetadata().getAnnotations();
        String beat = a == null ? null : a.get(PodSpecs.HEARTBEAT_ANNOTATION);
        for (String s : new String[] {beat, p.getMetadata().getCreationTimestamp()}) {
            if (s != null) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e) {
                    // try the next
                }
            }
        }
        return null;
    }

    /** Refreshes the heartbeat annotation of this runtime's pods (runs every quarter TTL while sessions live). */
    void heartbeat() {
        String patch = "{\"metadata\":{\"annotations\":{\"" + PodSpecs.HEARTBEAT_ANNOTATION + "\":\"" + clock.instant() + "\"}}}";
        for (String name : List.copyOf(ownedPods)) {
            try {
                client.pods().inNamespace(settings.namespace()).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            } catch (RuntimeException e) {
                LOG.debug("heartbeat of pod {} failed: {}", name, rootMessage(e));
            }
        }
    }

    /** On the first start: the shutdown hook, the heartbeat, and one reap of orphans left by dead processes. */
    private void firstStart() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long every = Math.max(1000, settings.orphanTtl().toMillis() / 4);
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "envforge-k8s-heartbeat-" + owner);
            t.setDaemon(true);
            return t;
        });
        ex.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        heartbeats = ex;
        try {
            reapOrphans();
        } catch (RuntimeException e) {
            LOG.warn("cannot look for orphaned sandbox pods in namespace {}: {}", settings.namespace(), rootMessage(e));
        }
    }

    /** The JVM shutdown hook (registered on the first start); it deletes this runtime's pods. */
    Thread shutdownHook() {
        return shutdownHook;
    }

    /** Closes every session, deletes every pod this runtime labelled, and stops the heartbeat. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (KubernetesSession s : List.copyOf(sessions.values())) {
            s.close();
        }
        if (started.get()) {
            deleteOwned(); // a runtime that never started a pod has none to delete (and may have no API server)
        }
        ScheduledExecutorService ex = heartbeats;
        if (ex != null) {
            ex.shutdownNow();
        }
        if (started.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down
            }
        }
        if (ownsClient) {
            client.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SandboxException("the Kubernetes runtime is closed");
        }
    }

    /** Whether the call failed because its thread was interrupted (the client wraps the interrupt). */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
