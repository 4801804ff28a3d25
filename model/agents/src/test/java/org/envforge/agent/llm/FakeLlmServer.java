package org.envforge.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenAI-compatible endpoint ({@code POST /v1/chat/completions}, non-streaming) whose
 * answers are scripted one per request, and which records every request body.
 */
final class FakeLlmServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to do with one request. */
    @FunctionalInterface
    interface Step {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeLlmServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/api/chat", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The base URL a client is given, ending in /v1. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues answers for the next requests, in order. */
    FakeLlmServer then(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** The bodies of the requests received so far. */
    List<JsonNode> requests() {
        return new ArrayList<>(requests);
    }

    /** The Authorization header of each request ("null" when absent). */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The path of each request. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    /** The root URL, for an Ollama client. */
    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requestCount() {
        return requests.size();
    }

    // ---- steps

    /** A normal completion whose message content is the given text (in Ollama's shape when asked on /api/chat). */
    static Step reply(String content) {
        return ex -> send(ex, 200, (ex.getRequestURI().getPath().startsWith("/api/") ? ollama(content) : completion(content)).toString(),
                "application/json");
    }

    /** Waits (longer than the client's timeout) before answering. */
    Step slow(Duration delay, String content) {
        return ex -> {
            try {
                closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(content).answer(ex);
        };
    }

    /** An HTTP error, with extra headers given as name, value, name, value... */
    static Step status(int code, String body, String... headers) {
        return ex -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                ex.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            send(ex, code, body, "application/json");
        };
    }

    /** A 200 whose body is not JSON. */
    static Step malformed() {
        return ex -> send(ex, 200, "{\"id\": \"x\", \"choices\": [ {\"message\": ", "application/json");
    }

    /** Promises a long body, writes a little of it, then drops the connection. */
    static Step cut() {
        return ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 5000);
            OutputStream out = ex.getResponseBody();
            out.write("{\"id\":\"chatcmpl-cut\",\"object\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            ex.close(); // fewer bytes than promised: the server drops the connection
        };
    }

    static ObjectNode completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "fake");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return root;
    }

    static ObjectNode ollama(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "fake").put("created_at", "2025-01-01T00:00:00Z").put("done", true).put("done_reason", "stop");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("prompt_eval_count", 10).put("eval_count", 5);
        return root;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            paths.add(ex.getRequestURI().getPath());
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(JSON.readTree(body));
            Step step = script.poll();
            if (step == null) {
                send(ex, 500, "{\"error\":\"the test script has no answer for request " + requests.size() + "\"}", "application/json");
                return;
            }
            step.answer(ex);
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int code, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
