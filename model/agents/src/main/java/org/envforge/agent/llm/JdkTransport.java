package org.envforge.agent.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP transport on {@link java.net.http.HttpClient}, HTTP/1.1 only, with these
 * differences from the stock one: a failed status keeps the {@code Retry-After} header
 * ({@link HttpStatusError}); a cut connection surfaces as an {@link UncheckedIOException}; a
 * redirect is not followed (the key would go to whatever host the endpoint names) but reported
 * with where it leads; a reply is read up to {@link #MAX_REPLY} bytes. Streaming is not used and
 * not supported.
 */
final class JdkTransport implements HttpClient {

    /** The largest reply read; a larger one is refused (drafts and verdicts are a few KB). */
    static final long MAX_REPLY = 8L << 20;

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private JdkTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<java.io.InputStream> response;
        String body;
        try {
            response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
            body = readBounded(response.body());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException("no answer within " + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the LLM", e);
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String to = response.headers().firstValue("Location").orElse("(no Location)");
            throw new HttpStatusError(status, "the endpoint answered with a redirect to " + to + "; EnvForge does not follow "
                    + "redirects (the key would go along): set ENVFORGE_LLM_URL to the address that answers", null);
        }
        if (status < 200 || status >= 300) {
            throw new HttpStatusError(status, body,
                    HttpStatusError.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null)).orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(body).build();
    }

    /** The body as text, read up to {@link #MAX_REPLY} bytes; a longer one is refused without reading the rest. */
    private static String readBounded(java.io.InputStream body) throws IOException {
        try (body) {
            byte[] b = body.readNBytes((int) MAX_REPLY + 1);
            if (b.length > MAX_REPLY) {
                throw new IOException("the reply is larger than " + (MAX_REPLY >> 20) + " MiB; refused");
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedFeatureException("EnvForge does not stream LLM replies"));
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedFeatureException("EnvForge does not send form data to LLMs");
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        String body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body);
        return b.method(request.method().name(), publisher).build();
    }

    /** Builds the transport with the timeouts LangChain4j sets, defaulting to the settings'. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(Duration timeout) {
            this.connectTimeout = timeout;
            this.readTimeout = timeout;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration d) {
            if (d != null) {
                connectTimeout = d;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration d) {
            if (d != null) {
                readTimeout = d;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new JdkTransport(connectTimeout, readTimeout);
        }
    }
}
