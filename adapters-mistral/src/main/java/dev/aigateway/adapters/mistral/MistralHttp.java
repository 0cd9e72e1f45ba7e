package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.ports.ClientGoneException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The HTTP exchange with Mistral: auth injection, status handling, and turning I/O failures into gateway errors. */
final class MistralHttp {
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

    /** The status and body of a POST that Mistral answered (any status). */
    record Reply(int status, byte[] body, Optional<String> retryAfter) { }

    /** Reads a successful streamed answer; called with the response's body while the connection is open. */
    @FunctionalInterface
    interface StreamReader {
        void read(InputStream body) throws IOException;
    }

    Reply post(URI uri, Optional<UpstreamAuth> auth, byte[] body) {
        try (HttpClientResponse response = request(uri, auth, "application/json").submit(body)) {
            return new Reply(response.status().code(), response.entity().as(byte[].class), retryAfter(response));
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * POSTs for a streamed answer. A 2xx body goes to {@code reader} as it arrives; any other status is returned
     * whole for error mapping, and the reader is not called.
     */
    Optional<Reply> postStreaming(URI uri, Optional<UpstreamAuth> auth, byte[] body, StreamReader reader) {
        try (HttpClientResponse response = request(uri, auth, "text/event-stream").submit(body)) {
            int status = response.status().code();
            if (status / 100 != 2) {
                return Optional.of(new Reply(status, response.entity().as(byte[].class), retryAfter(response)));
            }
            try (InputStream in = response.inputStream()) {
                reader.read(in);
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

    private HttpClientRequest request(URI uri, Optional<UpstreamAuth> auth, String accept) {
        HttpClientRequest request = client.post()
                .uri(uri)
                .contentType(MediaTypes.APPLICATION_JSON)
                .header(HeaderNames.ACCEPT, accept);
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
