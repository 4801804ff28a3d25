package org.envforge.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envforge.runtime.kubernetes.FakeCluster.eventually;
import static org.envforge.runtime.kubernetes.FakeCluster.unlimited;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.envforge.action.Action;
import org.envforge.runtime.ExecResult;
import org.envforge.runtime.PngDecoder;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Screenshot;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.runtime.XdotoolCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Kubernetes runtime against fabric8's mock API server with a fake kubelet for exec. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KubernetesRuntimeTest {

    private static final String IMAGE = "registry.example/envforge/sandbox:7";

    private FakeCluster cluster;
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final List<KubernetesRuntime> runtimes = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void up() {
        cluster = new FakeCluster();
    }

    @AfterEach
    void down() {
        pool.shutdownNow();
        runtimes.forEach(KubernetesRuntime::close);
        cluster.close();
    }

    private static KubernetesSettings settings() {
        return KubernetesSettings.defaults(FakeCluster.NS).withImage(IMAGE);
    }

    private KubernetesRuntime runtime(KubernetesSettings s, Clock c) {
        KubernetesRuntime rt = new KubernetesRuntime(cluster.client, s, false, c, Duration.ofMillis(20));
        runtimes.add(rt);
        return rt;
    }

    private KubernetesRuntime runtime(KubernetesSettings s) {
        return runtime(s, clock);
    }

    @Test
    void aSessionIsAReadyPodWithTheSandboxSpecAndClosingDeletesIt() {
        KubernetesRuntime rt = runtime(settings());
        SessionRequest request = new SessionRequest("Gnumeric Task #1", 1024, 768, false, Duration.ofSeconds(30), 2L << 30,
                Map.of(KubernetesRuntime.JOB_ENV, "job-42", "LC_ALL", "C"));
        Session s = rt.start(request);
        assertThat(s.id()).startsWith("envforge-gnumeric-task-1-").hasSizeLessThanOrEqualTo(63);
        assertThat(rt.podsInUse()).isEqualTo(1);

        Pod p = cluster.pod(s.id());
        assertThat(PodSpecs.isReady(p)).isTrue();
        assertThat(p.getMetadata().getLabels()).containsEntry("app", "envforge").containsEntry("envforge/session", s.id())
                .containsEntry("envforge/job", "job-42").containsEntry("envforge/owner", rt.owner())
                .containsEntry("envforge/network", "none");
        assertThat(p.getMetadata().getAnnotations()).containsEntry("envforge/heartbeat", clock.instant().toString());
        assertThat(p.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(p.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(p.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(p.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        Container c = PodSpecs.container(p);
        assertThat(c.getImage()).isEqualTo(IMAGE);
        assertThat(String.join(" ", c.getCommand())).contains("Xvfb :0 -screen 0 1024x768x24 -nolisten tcp");
        assertThat(c.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("DISPLAY", ":0"),
                        org.assertj.core.groups.Tuple.tuple("HOME", "/home/envforge"),
                        org.assertj.core.groups.Tuple.tuple("LC_ALL", "C"));
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
        assertThat(c.getResources().getRequests().get("memory").toString()).isEqualTo("512Mi");
        assertThat(c.getResources().getLimits().get("memory").getNumericalAmount().longValueExact()).isEqualTo(2L << 30);
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getReadinessProbe().getExec().getCommand()).containsExactly("sh", "-c", "test -e /tmp/.X11-unix/X0");

        s.close();
        assertThat(cluster.podNames()).isEmpty();
        assertThat(rt.podsInUse()).isZero();
        assertThatThrownBy(() -> s.exec(List.of("true"))).isInstanceOf(SandboxException.class).hasMessageContaining("closed");
    }

    @Test
    void startWaitsUntilThePodIsReady() throws Exception {
        cluster.newPodStatus = FakeCluster.waiting("ContainerCreating", null);
        KubernetesRuntime rt = runtime(settings());
        Future<Session> start = pool.submit(() -> rt.start(SessionRequest.defaults("wait")));
        assertThat(eventually(() -> cluster.pods().size() == 1 && cluster.pods().get(0).getStatus() != null)).isTrue();
        String name = cluster.podNames().get(0);
        // The pod is Pending: start cannot have returned.
        assertThatThrownBy(() -> start.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        cluster.setStatus(name, FakeCluster.readyStatus());
        assertThat(start.get(10, TimeUnit.SECONDS).id()).isEqualTo(name);
    }

    @Test
    void aPodThatNeverGetsReadyFailsNamingItsPhaseAndIsDeleted() throws Exception {
        cluster.newPodStatus = FakeCluster.waiting("ContainerCreating", "pulling the sandbox image");
        KubernetesRuntime rt = runtime(settings().withStartupTimeout(Duration.ofSeconds(1)).withMaxPods(1));
        assertThatThrownBy(() -> rt.start(SessionRequest.defaults("never"))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("pod envforge-never-").hasMessageContaining("in namespace " + FakeCluster.NS)
                .hasMessageContaining("did not become ready within 1 s").hasMessageContaining("phase Pending")
                .hasMessageContaining("ContainerCreating (pulling the sandbox image)");
        assertThat(cluster.podNames()).isEmpty();
        // The slot came back: with a kubelet that starts pods, the only slot can be used again.
        cluster.newPodStatus = FakeCluster.readyStatus();
        try (Session s = pool.submit(() -> rt.start(SessionRequest.defaults("again"))).get(10, TimeUnit.SECONDS)) {
            assertThat(cluster.podNames()).containsExactly(s.id());
        }
    }

    @Test
    void anImageThatCannotBePulledFailsAtOnce() {
        cluster.newPodStatus = FakeCluster.waiting("ImagePullBackOff", "Back-off pulling image \"" + IMAGE + "\"");
        KubernetesRuntime rt = runtime(settings().withStartupTimeout(Duration.ofSeconds(120)));
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> rt.start(SessionRequest.defaults("pull")))
                .isInstanceOf(SandboxException.class).hasMessageContaining("cannot start").hasMessageContaining("ImagePullBackOff")
                .hasMessageContaining("image " + IMAGE));
        assertThat(cluster.podNames()).isEmpty();
    }

    @Test
    void actionsScreenshotsAndCommandsGoThroughExec() throws IOException {
        int[] px = {0xFF0000, 0x00FF00, 0x0000FF, 0x123456, 0xFFFFFF, 0x000000, 0xABCDEF, 0x010203, 0x7F7F7F, 0x00FFFF, 0xFF00FF,
            0x808000};
        byte[] shot = gzip(xwd(4, 3, px));
        cluster.kubelet = e -> {
            List<String> c = unlimited(e.command());
            if (c.get(0).equals("bash") && c.get(2).contains("xwd -root")) {
                return new FakeCluster.Reply(shot, "", 0);
            }
            if (c.equals(List.of("bash", "-c", "exit 3"))) {
                return new FakeCluster.Reply("out".getBytes(StandardCharsets.UTF_8), "err", 3);
            }
            if (c.equals(List.of("sleep", "100"))) {
                return new FakeCluster.Reply(new byte[0], "", 124);
            }
            return FakeCluster.Reply.ok("");
        };
        KubernetesRuntime rt = runtime(settings());
        try (Session s = rt.start(SessionRequest.defaults("exec"))) {
            Action click = Action.Click.left(10, 20);
            s.act(click);
            FakeCluster.Exec last = cluster.execs.get(cluster.execs.size() - 1);
            assertThat(last.pod()).isEqualTo(s.id());
            List<String> expected = new ArrayList<>(List.of("timeout", "-k", "2", "60"));
            expected.addAll(XdotoolCommands.args(click));
            assertThat(last.command()).isEqualTo(expected);

            Screenshot png = s.screenshot();
            assertThat(png.width()).isEqualTo(4);
            assertThat(png.height()).isEqualTo(3);
            assertThat(PngDecoder.decode(png.png()).pixels()).containsExactly(px);
            assertThat(s.pixels()).containsExactly(px);

            ExecResult r = s.shell("exit 3");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("out");
            assertThat(r.stderr()).isEqualTo("err");
            assertThat(r.ok()).isFalse();
            assertThat(cluster.execs.get(cluster.execs.size() - 1).command()).startsWith("timeout", "-k", "2", "60", "bash");

            ExecResult slow = s.exec(List.of("sleep", "100"));
            assertThat(slow.timedOut()).isTrue();
            assertThat(slow.exitCode()).isEqualTo(-1);

            s.launch(List.of("xterm", "-T", "a b"));
            List<String> launched = unlimited(cluster.execs.get(cluster.execs.size() - 1).command());
            assertThat(launched.get(2)).contains("setsid \"$@\"");
            assertThat(launched.subList(3, launched.size())).containsExactly("sh", "xterm", "-T", "a b");
        }
    }

    @Test
    void filesTravelThroughExecStdinAndStayInHome() {
        cluster.kubelet = e -> {
            FakeCluster.Reply r = cluster.files(e);
            return r != null ? r : FakeCluster.Reply.ok("");
        };
        KubernetesRuntime rt = runtime(settings());
        try (Session s = rt.start(SessionRequest.defaults("files"))) {
            byte[] content = new byte[70_000];
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) (i * 31);
            }
            s.writeFile("~/notes/a.bin", content);
            assertThat(cluster.files.get("/home/envforge/notes/a.bin")).isEqualTo(content);
            assertThat(s.readFile("notes/a.bin")).isEqualTo(content);
            s.writeFile("/home/envforge/empty.txt", new byte[0]);
            assertThat(s.readFile("~/empty.txt")).isEmpty();
            assertThatThrownBy(() -> s.readFile("~/missing.txt")).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("not a plain file");
            int before = cluster.execs.size();
            assertThatThrownBy(() -> s.readFile("/etc/passwd")).isInstanceOf(SandboxException.class);
            assertThatThrownBy(() -> s.writeFile("~/../x", new byte[1])).isInstanceOf(SandboxException.class);
            assertThat(cluster.execs).hasSize(before);
        }
    }

    @Test
    void aThirdStartWaitsUntilOneOfTwoPodsCloses() throws Exception {
        KubernetesRuntime rt = runtime(settings().withMaxPods(2));
        Session a = rt.start(SessionRequest.defaults("a"));
        Session b = rt.start(SessionRequest.defaults("b"));
        Future<Session> third = pool.submit(() -> rt.start(SessionRequest.defaults("c")));
        assertThatThrownBy(() -> third.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(cluster.podNames()).containsExactlyInAnyOrder(a.id(), b.id());
        a.close();
        Session c = third.get(10, TimeUnit.SECONDS);
        assertThat(cluster.podNames()).containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(rt.podsInUse()).isEqualTo(2);
        b.close();
        c.close();
        assertThat(rt.podsInUse()).isZero();
    }

    @Test
    void cancellingAStartWaitingForASlotCreatesNoPodAndLeaksNoSlot() throws Exception {
        KubernetesRuntime rt = runtime(settings().withMaxPods(1));
        Session a = rt.start(SessionRequest.defaults("a"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Future<?> waiting = pool.submit(() -> {
            try {
                rt.start(SessionRequest.defaults("b")).close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        waiting.cancel(true);
        assertThat(eventually(() -> failure.get() != null)).isTrue();
        assertThat(failure.get()).isInstanceOf(SandboxException.class).hasMessageContaining("waiting for a free Kubernetes pod");
        assertThat(cluster.podNames()).containsExactly(a.id());
        a.close();
        try (Session again = pool.submit(() -> rt.start(SessionRequest.defaults("again"))).get(10, TimeUnit.SECONDS)) {
            assertThat(cluster.podNames()).containsExactly(again.id());
        }
    }

    @Test
    void cancellingAStartWhileItsPodIsBeingCreatedSaysSoAndDeletesThePod() throws Exception {
        // The pod is stored at once but the API server answers the create only later: the cancel comes in between.
        cluster.createAnswerDelay = Duration.ofSeconds(5);
        cancelOnceThePodExists("creating");
    }

    @Test
    void cancellingAStartingPodDeletesIt() throws Exception {
        cluster.newPodStatus = FakeCluster.waiting("ContainerCreating", null);
        cancelOnceThePodExists("cancelled");
    }

    /** Starts a session, cancels the start once its pod exists, and checks that it failed naming the interrupt and left nothing. */
    private void cancelOnceThePodExists(String name) {
        KubernetesRuntime rt = runtime(settings().withMaxPods(1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Future<?> starting = pool.submit(() -> {
            try {
                rt.start(SessionRequest.defaults(name)).close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThat(eventually(() -> cluster.pods().size() == 1)).isTrue();
        starting.cancel(true);
        assertThat(eventually(() -> failure.get() != null)).isTrue();
        assertThat(failure.get()).isInstanceOf(SandboxException.class).hasMessageContaining("interrupted while pod envforge-" + name + "-");
        assertThat(cluster.podNames()).isEmpty();
        assertThat(rt.podsInUse()).isZero();
    }

    @Test
    void closingTheRuntimeDeletesItsPodsAndNoOthers() {
        KubernetesRuntime rt = runtime(settings());
        Session a = rt.start(SessionRequest.defaults("a"));
        rt.start(SessionRequest.defaults("b"));
        createPod("someone-elses", "app", "envforge", "envforge/owner", "oother", clock.instant());
        rt.close();
        assertThat(cluster.podNames()).containsExactly("someone-elses");
        assertThatThrownBy(() -> a.exec(List.of("true"))).isInstanceOf(SandboxException.class);
        assertThatThrownBy(() -> rt.start(SessionRequest.defaults("c"))).isInstanceOf(SandboxException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theShutdownHookDeletesThisRuntimesPods() {
        KubernetesRuntime rt = runtime(settings());
        rt.start(SessionRequest.defaults("crash"));
        createPod("someone-elses", "app", "envforge", "envforge/owner", "oother", clock.instant());
        rt.shutdownHook().run();
        assertThat(cluster.podNames()).containsExactly("someone-elses");
    }

    @Test
    void reapOrphansDeletesOnlyStalePodsOfDeadOwnersAndUntrackedOwnPods() {
        KubernetesRuntime rt = runtime(settings().withOrphanTtl(Duration.ofMinutes(10)));
        Session live = rt.start(SessionRequest.defaults("live"));
        Instant now = clock.instant();
        createPod("stale", "app", "envforge", "envforge/owner", "odead", now.minus(Duration.ofHours(1)));
        createPod("fresh", "app", "envforge", "envforge/owner", "oalive", now.minus(Duration.ofMinutes(1)));
        createPod("leaked", "app", "envforge", "envforge/owner", rt.owner(), now);
        createPod("not-ours", "app", "something-else", "envforge/owner", "odead", now.minus(Duration.ofDays(1)));
        createPod("no-owner", "app", "envforge", "other", "x", now.minus(Duration.ofDays(1)));

        assertThat(rt.reapOrphans()).containsExactlyInAnyOrder("stale", "leaked");
        assertThat(cluster.podNames()).containsExactlyInAnyOrder(live.id(), "fresh", "not-ours", "no-owner");
        assertThat(rt.reapOrphans()).isEmpty();
    }

    @Test
    void theHeartbeatKeepsALiveOwnersPodsFromBeingReaped() {
        KubernetesRuntime a = runtime(settings().withOrphanTtl(Duration.ofMinutes(10)));
        Session s = a.start(SessionRequest.defaults("beating"));
        TestClock other = new TestClock(clock.instant());
        KubernetesRuntime b = runtime(settings().withOrphanTtl(Duration.ofMinutes(10)), other);

        clock.set(clock.instant().plus(Duration.ofHours(1)));
        a.heartbeat();
        assertThat(cluster.pod(s.id()).getMetadata().getAnnotations()).containsEntry("envforge/heartbeat", clock.instant().toString());
        other.set(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(b.reapOrphans()).isEmpty();
        // Without further heartbeats (its process died), the pod is an orphan once the TTL passes.
        other.set(clock.instant().plus(Duration.ofMinutes(11)));
        assertThat(b.reapOrphans()).containsExactly(s.id());
        assertThat(cluster.podNames()).isEmpty();
    }

    @Test
    void missingIsEmptyWhenTheApiServerAnswersAndSaysWhereItLookedWhenNot() throws IOException {
        assertThat(runtime(settings()).missing()).isEmpty();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).withConnectionTimeout(2000)
                .withRequestTimeout(2000).build()).build()) {
            assertThat(new KubernetesRuntime(nowhere, settings()).missing()).singleElement().asString()
                    .contains("no Kubernetes API server answers at http://127.0.0.1:" + port).contains("KUBECONFIG");
        }
    }

    private void createPod(String name, String k1, String v1, String k2, String v2, Instant heartbeat) {
        cluster.client.pods().inNamespace(FakeCluster.NS).resource(new PodBuilder().withNewMetadata().withName(name)
                .addToLabels(k1, v1).addToLabels(k2, v2).addToAnnotations("envforge/heartbeat", heartbeat.toString()).endMetadata()
                .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec().build()).create();
    }

    /** A 32-bit little-endian ZPixmap XWD image with an empty colour map. */
    static byte[] xwd(int w, int h, int[] rgb) {
        ByteBuffer b = ByteBuffer.allocate(100 + w * h * 4).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, 100).putInt(4, 7).putInt(8, 2).putInt(12, 24).putInt(16, w).putInt(20, h).putInt(28, 0).putInt(44, 32)
                .putInt(48, w * 4).putInt(76, 0);
        ByteBuffer px = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rgb.length; i++) {
            px.putInt(100 + i * 4, rgb[i]);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant i) {
            now = i;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
