package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.ports.ClientGoneException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP exchange with Mistral: auth injection, status handling, and turning I/O failures into gateway errors. */
final class MistralHttp {
    private static final String JSON = "application/json";
    /** Hop-by-hop and framing headers: they describe one connection, not the answer, so they are not relayed. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "upgrade", "proxy-authenticate", "proxy-authorization", "te", "trailer", "date");

    private final WebClient client;

    MistralHttp(Duration connectTimeout, Duration readTimeout) {
        // Helidon's client measured faster than java.net.http under load here, and keeps a pooled keep-alive
        // connection per host. TCP_NODELAY: without it small SSE writes stall ~40 ms each (Nagle + delayed ACK).
        this.client = WebClient.builder()
                .socketOptions(options -> options.tcpNoDelay(true))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .followRedirects(false)
                .keepAlive(true)
                .build();
    }

    /** The status and body of an exchange that Mistral answered (any status). */
    record Reply(int status, byte[] body, Optional<String> retryAfter) { }

    /** Reads a successful answer's body while the connection is open. */
    @FunctionalInterface
    interface BodyReader {
        void read(int status, Map<String, String> headers, InputStream body) throws IOException;
    }

    /** POSTs JSON and returns the whole answer, whatever its status. */
    Reply post(URI uri, Optional<UpstreamAuth> auth, byte[] body) {
        return whole(Method.POST, uri, auth, JSON, Optional.of(body));
    }

    /** GETs and returns the whole answer, whatever its status. */
    Reply get(URI uri, Optional<UpstreamAuth> auth) {
        return whole(Method.GET, uri, auth, JSON, Optional.empty());
    }

    /**
     * POSTs JSON for a streamed answer. A 2xx body goes to {@code reader} as it arrives; any other status is
     * returned whole for error mapping, and the reader is not called.
     */
    Optional<Reply> postStreaming(URI uri, Optional<UpstreamAuth> auth, byte[] body, BodyReader reader) {
        return exchange(Method.POST, uri, auth, "text/event-stream", Optional.of(JSON), Optional.of(body), true,
                reader);
    }

    /** Sends a request as the client made it and hands any answer, whatever its status, to {@code reader}. */
    void relay(String method, URI uri, Optional<UpstreamAuth> auth, Optional<String> accept,
               Optional<String> contentType, Optional<byte[]> body, BodyReader reader) {
        exchange(Method.create(method), uri, auth, accept.orElse("*/*"), contentType, body, false, reader);
    }

    private Reply whole(Method method, URI uri, Optional<UpstreamAuth> auth, String accept, Optional<byte[]> body) {
        HttpClientRequest request = request(method, uri, auth, accept, body.map(b -> JSON));
        try (HttpClientResponse response = body.isPresent() ? request.submit(body.get()) : request.request()) {
            return new Reply(response.status().code(), response.entity().as(byte[].class), retryAfter(response));
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private Optional<Reply> exchange(Method method, URI uri, Optional<UpstreamAuth> auth, String accept,
                                     Optional<String> contentType, Optional<byte[]> body, boolean onlySuccess,
                                     BodyReader reader) {
        HttpClientRequest request = request(method, uri, auth, accept, contentType);
        try (HttpClientResponse response = body.isPresent() ? request.submit(body.get()) : request.request()) {
            int status = response.status().code();
            if (onlySuccess && status / 100 != 2) {
                return Optional.of(new Reply(status, response.entity().as(byte[].class), retryAfter(response)));
            }
            try (InputStream in = response.inputStream()) {
                reader.read(status, relayedHeaders(response), in);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure(new UncheckedIOException(e));
        } catch (ClientGoneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private HttpClientRequest request(Method method, URI uri, Optional<UpstreamAuth> auth, String accept,
                                      Optional<String> contentType) {
        HttpClientRequest request = client.method(method).uri(uri).header(HeaderNames.ACCEPT, accept);
        contentType.ifPresent(type -> request.header(HeaderNames.CONTENT_TYPE, type));
        auth.ifPresent(credential -> {
            switch (credential) {
                case UpstreamAuth.Header header -> request.header(HeaderNames.create(header.name()),
                        header.value().reveal());
                case UpstreamAuth.QueryParam query -> request.queryParam(query.name(), query.value().reveal());
                case UpstreamAuth.BodyParam ignored -> { } // written into the body by the provider
            }
        });
        return request;
    }

    private static Map<String, String> relayedHeaders(HttpClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            if (!NOT_RELAYED.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.put(header.name(), header.values());
            }
        }
        return headers;
    }

    private static Optional<String> retryAfter(HttpClientResponse response) {
        return response.headers().first(HeaderNames.RETRY_AFTER);
    }

    /** Says what failed without the cause's own text or the upstream's address, which may be internal. */
    private static GatewayException failure(RuntimeException e) {
        if (e instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new GatewayException(new GatewayError.UpstreamTimeout("Mistral did not answer in time"), e);
            }
        }
        return new GatewayException(new GatewayError.UpstreamUnreachable("could not reach Mistral"), e);
    }
}
