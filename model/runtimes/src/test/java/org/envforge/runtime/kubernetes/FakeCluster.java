package org.envforge.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * fabric8's mock API server (CRUD mode) plus a fake kubelet: exec requests are answered over the
 * websocket in the v4.channel.k8s.io framing (1 stdout, 2 stderr, 3 status) by a handler the test
 * sets, which sees the decoded command line and the stdin sent; and new pods get the status
 * {@link #newPodStatus} (Running and Ready unless a test changes it; none when null) in the very
 * request that creates them, so no client ever sees a new pod without it. Once created, a pod's
 * status changes only by {@link #setStatus}.
 */
final class FakeCluster implements AutoCloseable {

    static final String NS = "sandboxes";

    /** What a command printed and its exit status. */
    record Reply(byte[] stdout, String stderr, int exit) {
        static Reply ok(String stdout) {
            return new Reply(stdout.getBytes(StandardCharsets.UTF_8), "", 0);
        }
    }

    /** One exec call: the command line (time limit included) and its stdin. */
    record Exec(String pod, List<String> command, byte[] stdin) {
    }

    final KubernetesMockServer server;
    final KubernetesClient client;
    final List<Exec> execs = new CopyOnWriteArrayList<>();
    volatile Function<Exec, Reply> kubelet = e -> Reply.ok("");
    volatile PodStatus newPodStatus = readyStatus();
    /** How long the API server takes to answer a create request after it stored the pod. */
    volatile Duration createAnswerDelay = Duration.ZERO;

    FakeCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        Dispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().contains("/exec?")) {
                    return exec(request);
                }
                if (!POD_CREATE.matcher(request.getPath()).matches() || !"POST".equals(request.getMethod())) {
                    return crud.dispatch(request);
                }
                MockResponse created = crud.dispatch(withNewPodStatus(request));
                Duration delay = createAnswerDelay;
                return delay.isZero() ? created : created.setBodyDelay(delay);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        server.init();
        client = server.createClient();
    }

    private static final Pattern POD_CREATE = Pattern.compile("/api/v1/namespaces/[^/]+/pods/?(\\?.*)?");

    /**
     * The create request with the status a kubelet would give the pod. Set here, not by a thread
     * that watches for new pods: such a thread read {@link #newPodStatus} before its list came
     * back, so a pod created meanwhile got the status a test had just replaced (a Pending pod came
     * up Ready, and start returned at once).
     */
    private RecordedRequest withNewPodStatus(RecordedRequest request) {
        PodStatus status = newPodStatus;
        if (status == null) {
            return request;
        }
        Pod pod = Serialization.unmarshal(request.getUtf8Body(), Pod.class);
        byte[] body = Serialization.asJson(new PodBuilder(pod).withStatus(status).build()).getBytes(StandardCharsets.UTF_8);
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
                new Buffer(body));
    }

    static PodStatus readyStatus() {
        return new PodStatusBuilder().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName(PodSpecs.CONTAINER).withReady(true).withNewState().withNewRunning().endRunning()
                .endState().endContainerStatus().build();
    }

    static PodStatus waiting(String reason, String message) {
        return new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("Ready").withStatus("False")
                .withReason("ContainersNotReady").withMessage("containers with unready status: [sandbox]").endCondition()
                .addNewContainerStatus().withName(PodSpecs.CONTAINER).withReady(false).withNewState().withNewWaiting()
                .withReason(reason).withMessage(message).endWaiting().endState().endContainerStatus().build();
    }

    /** Sets a pod's status as the kubelet would (through the status subresource). */
    void setStatus(String name, PodStatus status) {
        Pod p = client.pods().inNamespace(NS).withName(name).get();
        if (p != null) {
            client.pods().inNamespace(NS).resource(new PodBuilder(p).withStatus(status).build()).updateStatus();
        }
    }

    List<Pod> pods() {
        return client.pods().inNamespace(NS).list().getItems();
    }

    List<String> podNames() {
        return pods().stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    Pod pod(String name) {
        return client.pods().inNamespace(NS).withName(name).get();
    }

    /** Waits up to 10 s for a condition (no timing assertions: the tests only bound how long they wait). */
    static boolean eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private MockResponse exec(RecordedRequest request) {
        String path = request.getPath();
        String pod = path.substring(0, path.indexOf("/exec?"));
        pod = pod.substring(pod.lastIndexOf('/') + 1);
        List<String> command = new ArrayList<>();
        boolean stdin = false;
        for (String kv : path.substring(path.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            String k = kv.substring(0, eq);
            String v = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            if (k.equals("command")) {
                command.add(v);
            } else if (k.equals("stdin") && v.equals("true")) {
                stdin = true;
            }
        }
        // With stdin, the fake expects the byte count as the command's last argument (PodCommands.writeFile).
        int expected = stdin ? Integer.parseInt(command.get(command.size() - 1)) : 0;
        String podName = pod;
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            private final ByteArrayOutputStream in = new ByteArrayOutputStream();
            private boolean answered;

            @Override
            public void onOpen(WebSocket ws, io.fabric8.mockwebserver.http.Response response) {
                maybeAnswer(ws);
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                synchronized (this) {
                    if (bytes.length > 0 && bytes[0] == 0) {
                        in.write(bytes, 1, bytes.length - 1);
                    }
                }
                maybeAnswer(ws);
            }

            @Override
            public void onMessage(WebSocket ws, io.fabric8.mockwebserver.http.ByteString bytes) {
                onMessage(ws, bytes.toByteArray());
            }

            private void maybeAnswer(WebSocket ws) {
                Exec e;
                synchronized (this) {
                    if (answered || in.size() < expected) {
                        return;
                    }
                    answered = true;
                    e = new Exec(podName, List.copyOf(command), in.toByteArray());
                }
                execs.add(e);
                Reply r = kubelet.apply(e);
                if (r.stdout().length > 0) {
                    ws.send(frame(1, r.stdout()));
                }
                if (!r.stderr().isEmpty()) {
                    ws.send(frame(2, r.stderr().getBytes(StandardCharsets.UTF_8)));
                }
                ws.send(frame(3, status(r.exit()).getBytes(StandardCharsets.UTF_8)));
                ws.close(1000, "");
            }
        });
    }

    private static byte[] frame(int channel, byte[] payload) {
        byte[] b = new byte[payload.length + 1];
        b[0] = (byte) channel;
        System.arraycopy(payload, 0, b, 1, payload.length);
        return b;
    }

    private static String status(int exit) {
        return exit == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                : "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code\","
                        + "\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + exit
                                + "\"}]}}";
    }

    /** The command without the "timeout -k 2 N" prefix the session adds. */
    static List<String> unlimited(List<String> command) {
        return command.size() > 4 && command.get(0).equals("timeout") ? command.subList(4, command.size()) : command;
    }

    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** A kubelet that keeps files written through PodCommands.writeFile and serves PodCommands.readFile. */
    Reply files(Exec e) {
        List<String> c = unlimited(e.command());
        if (c.size() == 6 && c.get(0).equals("sh") && c.get(2).contains("head -c")) {
            files.put(c.get(4), e.stdin());
            return Reply.ok("");
        }
        if (c.size() == 5 && c.get(0).equals("sh") && c.get(2).contains("exec cat")) {
            byte[] f = files.get(c.get(4));
            return f == null ? new Reply(new byte[0], "", 3) : new Reply(f, "", 0);
        }
        return null;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
