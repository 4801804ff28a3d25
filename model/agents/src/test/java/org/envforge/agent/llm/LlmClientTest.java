package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.envforge.agent.AgentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local OpenAI-compatible endpoint that misbehaves on purpose. */
class LlmClientTest {

    private final FakeLlmServer server = new FakeLlmServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client with a timeout that a loaded machine never hits. */
    private LlmClient client(int attempts) {
        return client(attempts, Duration.ofSeconds(5));
    }

    private LlmClient client(int attempts, Duration timeout) {
        LlmSettings s = new LlmSettings(LlmSettings.Provider.OPENAI_COMPATIBLE, server.url(), "fake-model", "", timeout, attempts,
                Duration.ofMillis(100));
        return new LlmClient(s, sleeper);
    }

    @Test
    void returnsTheReplyText() {
        server.then(FakeLlmServer.reply("hello"));
        assertThat(client(3).chat("be brief", "say hello", List.of())).isEqualTo("hello");
        assertThat(server.requestCount()).isEqualTo(1);
        JsonNode req = server.requests().get(0);
        assertThat(req.path("model").asText()).isEqualTo("fake-model");
        assertThat(req.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(req.path("messages").toString()).contains("say hello");
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void sendsImagesAsPngDataUrls() {
        server.then(FakeLlmServer.reply("seen"));
        client(1).chat("s", "look", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        JsonNode user = server.requests().get(0).path("messages").get(1);
        assertThat(user.path("content").toString()).contains("data:image/png;base64,iVBORw==").contains("\"detail\":\"high\"");
    }

    @Test
    void retriesACompletionWithoutChoices() {
        server.then(FakeLlmServer.status(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"),
                FakeLlmServer.reply("with a choice"));
        assertThat(client(2).chat("s", "u", List.of())).isEqualTo("with a choice");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void refusesAnEmptyRequestWithoutCallingTheEndpoint() {
        assertThatThrownBy(() -> client(3).chat("s", " ", List.of())).isInstanceOf(AgentException.class)
                .hasMessage("cannot ask the LLM: the request is empty");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void retriesASlowReplyAfterTheTimeout() {
        server.then(server.slow(Duration.ofSeconds(10), "late"), FakeLlmServer.reply("on time"));
        long start = System.nanoTime();
        assertThat(client(3, Duration.ofMillis(500)).chat("s", "u", List.of())).isEqualTo("on time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void honoursRetryAfterOn429() {
        server.then(FakeLlmServer.status(429, "{\"error\":\"slow down\"}", "Retry-After", "1"), FakeLlmServer.reply("ok"));
        assertThat(client(3).chat("s", "u", List.of())).isEqualTo("ok");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void backsOffExponentiallyOn429WithoutRetryAfter() {
        server.then(FakeLlmServer.status(429, "{}"), FakeLlmServer.status(429, "{}"), FakeLlmServer.reply("ok"));
        assertThat(client(3).chat("s", "u", List.of())).isEqualTo("ok");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void givesUpAfterRepeated500sWithAClearMessage() {
        server.then(FakeLlmServer.status(500, "{\"error\":\"boom\"}"), FakeLlmServer.status(500, "{\"error\":\"boom\"}"),
                FakeLlmServer.status(500, "{\"error\":\"boom again\"}"), FakeLlmServer.reply("too late"));
        assertThatThrownBy(() -> client(3).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessageStartingWith("LLM endpoint " + server.url() + " failed 3 times: HTTP 500 Internal Server Error; last: ")
                .hasMessageContaining("boom again");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAMalformedBody() {
        server.then(FakeLlmServer.malformed(), FakeLlmServer.reply("fine"));
        assertThat(client(2).chat("s", "u", List.of())).isEqualTo("fine");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void reportsAMalformedBodyWhenAttemptsRunOut() {
        server.then(FakeLlmServer.malformed(), FakeLlmServer.malformed());
        assertThatThrownBy(() -> client(2).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessageContaining("failed 2 times: malformed response JSON; last: malformed response JSON");
    }

    @Test
    void retriesACutConnection() {
        server.then(FakeLlmServer.cut(), FakeLlmServer.reply("whole"));
        assertThat(client(3).chat("s", "u", List.of())).isEqualTo("whole");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void namesEachKindOfFailure() {
        server.then(FakeLlmServer.cut(), server.slow(Duration.ofSeconds(10), "late"), FakeLlmServer.status(503, "down"));
        assertThatThrownBy(() -> client(3, Duration.ofMillis(500)).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessage("LLM endpoint " + server.url() + " failed 3 times: connection cut, timeout, HTTP 503 Service Unavailable;"
                        + " last: HTTP 503 Service Unavailable: down");
    }

    @Test
    void doesNotRetryARefusal() {
        server.then(FakeLlmServer.status(401, "{\"error\":\"bad key\"}"), FakeLlmServer.reply("never"));
        assertThatThrownBy(() -> client(3).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessageContaining("refused the request: HTTP 401 Unauthorized").hasMessageContaining("bad key");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void treatsAnEmptyReplyAsAFailure() {
        server.then(FakeLlmServer.reply(""), FakeLlmServer.reply("now"));
        assertThat(client(2).chat("s", "u", List.of())).isEqualTo("now");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void reportsAnEndpointThatIsNotThere() {
        String url = server.url();
        server.close();
        LlmSettings s = new LlmSettings(LlmSettings.Provider.OPENAI_COMPATIBLE, url, "m", "", Duration.ofMillis(500), 2,
                Duration.ofMillis(10));
        assertThatThrownBy(() -> new LlmClient(s, sleeper).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessageStartingWith("LLM endpoint " + url + " failed 2 times: connection");
    }

    @Test
    void capsTheWait() {
        LlmClient c = client(3);
        assertThat(c.waitBefore(30, new CallFailure("x", "x", true, null))).isEqualTo(LlmClient.MAX_WAIT);
        assertThat(c.waitBefore(1, new CallFailure("x", "x", true, Duration.ofHours(1)))).isEqualTo(LlmClient.MAX_WAIT);
    }

    @Test
    void sendsTheKeyAsBearerOnlyWhenThereIsOne() {
        server.then(FakeLlmServer.reply("a"), FakeLlmServer.reply("b"));
        LlmSettings keyed = LlmSettings.of(LlmSettings.Provider.OPENAI_COMPATIBLE, server.url(), "m", "sk-secret")
                .withTimeout(Duration.ofSeconds(5));
        new LlmClient(keyed, sleeper).chat("s", "u", List.of());
        client(1).chat("s", "u", List.of());
        assertThat(server.authorizations()).containsExactly("Bearer sk-secret", "null");
        assertThat(keyed.toString()).doesNotContain("sk-secret").contains("key set");
    }

    /** A redirect is not followed: the key would go to whatever host the endpoint names. */
    @Test
    void neverFollowsARedirectWithTheKey() {
        try (FakeLlmServer elsewhere = new FakeLlmServer()) {
            elsewhere.then(FakeLlmServer.reply("stolen"));
            server.then(FakeLlmServer.status(307, "", "Location", elsewhere.url() + "/chat/completions"));
            LlmSettings keyed = LlmSettings.of(LlmSettings.Provider.OPENAI_COMPATIBLE, server.url(), "m", "sk-secret")
                    .withTimeout(Duration.ofSeconds(5)).withRetries(1, Duration.ofMillis(10));
            assertThatThrownBy(() -> new LlmClient(keyed, sleeper).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                    .hasMessageContaining("redirect").hasMessageContaining(elsewhere.url()).hasMessageContaining("ENVFORGE_LLM_URL");
            assertThat(elsewhere.requestCount()).isZero();
        }
    }

    /** A reply is read up to a bound: an endpoint cannot fill EnvForge's memory. */
    @Test
    void aHugeReplyIsRefusedWithoutReadingItWhole() {
        server.then(FakeLlmServer.status(200, "x".repeat((int) JdkTransport.MAX_REPLY + 1000)));
        assertThatThrownBy(() -> client(1).chat("s", "u", List.of())).isInstanceOf(AgentException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void speaksOllama() {
        server.then(FakeLlmServer.status(503, "loading"), FakeLlmServer.reply("from ollama"));
        LlmSettings s = new LlmSettings(LlmSettings.Provider.OLLAMA, server.root(), "llava", "", Duration.ofSeconds(5), 2,
                Duration.ofMillis(50));
        assertThat(new LlmClient(s, sleeper).chat("s", "look", List.of(new byte[] {1, 2, 3}))).isEqualTo("from ollama");
        assertThat(server.paths()).containsExactly("/api/chat", "/api/chat");
        assertThat(server.requests().get(1).path("messages").toString()).contains("look").contains("AQID");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(50));
    }
}
