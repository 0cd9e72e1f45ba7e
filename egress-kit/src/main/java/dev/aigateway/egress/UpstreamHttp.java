package dev.aigateway.egress;

import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.passthrough.RawBody;
import dev.aigateway.domain.passthrough.RequestBody;
import dev.aigateway.domain.passthrough.StreamedBody;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import dev.aigateway.ports.PassthroughResponder;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The HTTP exchange with one provider's upstream: auth injection, timeouts, status handling, and turning I/O
 * failures into gateway errors. A request is sent once: nothing here retries, so a POST the upstream received is
 * never replayed.
 */
public final class UpstreamHttp {
    private static final String JSON = "application/json";
    private static final int RELAY_BUFFER = 8192;
    private static final io.helidon.http.HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    /** Hop-by-hop and framing headers: they describe one connection, not the answer, so they are not relayed. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "upgrade", "proxy-authenticate", "proxy-authorization", "te", "trailer", "date");

    private final String upstreamName;
    private final StreamWatchdog.Checks watchdogs;
    /** One client per connect timeout: Helidon sets that per client, and routes use only a few values. */
    private final Map<UpstreamTimeouts, WebClient> clients = new ConcurrentHashMap<>();

    private UpstreamHttp(String upstreamName, StreamWatchdog.Checks watchdogs) {
        this.upstreamName = upstreamName;
        this.watchdogs = watchdogs;
    }

    /**
     * A client for one provider, with its own stream watchdog thread.
     *
     * @param upstreamName how errors name the upstream to the client, e.g. {@code Mistral}
     */
    public static UpstreamHttp create(String upstreamName) {
        return new UpstreamHttp(upstreamName, StreamWatchdog.Checks.onOwnThread());
    }

    /**
     * The status and body of an exchange that the upstream answered (any status), with its {@code Retry-After} and
     * rate-limit headers.
     */
    public record Reply(int status, byte[] body, Optional<String> retryAfter, Map<String, String> rateLimits) {
        /** The body of a 2xx answer; any other status is thrown as the error {@code refusal} reads from the reply. */
        public byte[] acceptedBody(Function<Reply, ? extends GatewayError> refusal) {
            if (status / 100 != 2) {
                throw new GatewayException(refusal.apply(this));
            }
            return body;
        }
    }

    /** Reads an answer's body while the connection is open. */
    @FunctionalInterface
    public interface BodyReader {
        void read(int status, Map<String, String> headers, InputStream body) throws IOException;
    }

    /** POSTs JSON and returns the whole answer, whatever its status. */
    public Reply post(URI uri, UpstreamTarget target, byte[] body) {
        return whole(Method.POST, uri, target, Optional.of(body));
    }

    /** GETs and returns the whole answer, whatever its status. */
    public Reply get(URI uri, UpstreamTarget target) {
        return whole(Method.GET, uri, target, Optional.empty());
    }

    /**
     * POSTs JSON for a streamed answer. A 2xx body goes to {@code reader} as it arrives; any other status is
     * returned whole for error mapping, and the reader is not called.
     */
    public Optional<Reply> postStreaming(URI uri, UpstreamTarget target, String accept, byte[] body,
                                         Consumer<Runnable> abortable, BodyReader reader) {
        return exchange(Method.POST, uri, target, accept, Optional.of(JSON), request -> request.submit(body), true,
                abortable, reader);
    }

    /**
     * Sends a request as the client made it (but for the credential) and relays any answer, whatever its status,
     * to {@code responder} as it arrives.
     */
    public void relay(URI uri, UpstreamTarget target, PassthroughRequest request, PassthroughResponder responder) {
        exchange(Method.create(request.method()), uri, target, request.accept().orElse("*/*"), request.contentType(),
                sending(request.body()), false, abort -> { }, (status, headers, in) ->
                        copy(in, responder.start(status, headers), (bytes, offset, length) -> { }));
    }

    /** Where relayed bytes are shown on their way, e.g. an {@link AnswerTap}; it must not keep the array. */
    @FunctionalInterface
    public interface Tap {
        void accept(byte[] bytes, int offset, int length);
    }

    /**
     * Sends a request in the provider's own API (a native route) and relays a 2xx answer to {@code responder} as it
     * arrives, showing each piece to {@code tap}; any other status is returned whole for error mapping, and nothing
     * is relayed.
     */
    public Optional<Reply> relayAnswer(URI uri, UpstreamTarget target, PassthroughRequest request,
                                       PassthroughResponder responder, Tap tap) {
        return exchange(Method.create(request.method()), uri, target, request.accept().orElse("*/*"),
                request.contentType(), sending(request.body()), true, abort -> { }, (status, headers, in) ->
                        copy(in, responder.start(status, headers), tap));
    }

    private static void copy(InputStream in, OutputStream out, Tap tap) throws IOException {
        try (out) {
            byte[] buffer = new byte[RELAY_BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                tap.accept(buffer, 0, read);
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    /** How a request's body goes out: none, whole, or streamed from the client (once only). */
    private static Function<HttpClientRequest, HttpClientResponse> sending(RequestBody body) {
        return switch (body) {
            case RawBody raw when raw.length() == 0 -> HttpClientRequest::request;
            // Written from the body's own bytes, with their length declared: no copy, and not chunked.
            case RawBody raw -> request -> request.header(HeaderNames.CONTENT_LENGTH, Integer.toString(raw.length()))
                    .outputStream(out -> {
                        raw.writeTo(out);
                        out.close();
                    });
            // Taken only once connected: a target that refused the connection leaves it for the next one.
            case StreamedBody streamed -> request -> request.outputStream(out -> {
                InputStream source = streamed.take().orElseThrow(() -> new GatewayException(
                        new GatewayError.UpstreamUnreachable("the upload already went to a target that failed, and"
                                + " a streamed upload cannot be sent twice", true)));
                source.transferTo(out);
                out.close();
            });
        };
    }

    private Reply whole(Method method, URI uri, UpstreamTarget target, Optional<byte[]> body) {
        HttpClientRequest request = request(method, uri, target, JSON, body.map(b -> JSON));
        try (HttpClientResponse response = body.isPresent() ? request.submit(body.get()) : request.request()) {
            return reply(response);
        } catch (RuntimeException e) {
            throw failure(e, null);
        }
    }

    private Optional<Reply> exchange(Method method, URI uri, UpstreamTarget target, String accept,
                                     Optional<String> contentType, Function<HttpClientRequest, HttpClientResponse> send,
                                     boolean onlySuccess, Consumer<Runnable> abortable, BodyReader reader) {
        HttpClientRequest request = request(method, uri, target, accept, contentType);
        StreamWatchdog watchdog = null;
        try (HttpClientResponse response = send.apply(request)) {
            int status = response.status().code();
            if (onlySuccess && status / 100 != 2) {
                return Optional.of(reply(response));
            }
            UpstreamTimeouts timeouts = target.timeouts();
            watchdog = watchdogs.watch(timeouts.streamIdle(), timeouts.total(), response::close);
            abortable.accept(response::close);
            InputStream in = watchdog.watch(response.inputStream());
            reader.read(status, relayedHeaders(response), in);
            // Closed only after a complete read: closing the entity stream early would drain the rest of the
            // answer, while closing the response unread (on any failure) drops the connection at once.
            in.close();
            return Optional.empty();
        } catch (IOException e) {
            throw failure(new UncheckedIOException(e), watchdog);
        } catch (ClientGoneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e, watchdog);
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    private HttpClientRequest request(Method method, URI uri, UpstreamTarget target, String accept,
                                      Optional<String> contentType) {
        UpstreamTimeouts timeouts = target.timeouts();
        HttpClientRequest request = client(timeouts).method(method).uri(uri)
                .header(HeaderNames.ACCEPT, accept);
        contentType.ifPresent(type -> request.header(HeaderNames.CONTENT_TYPE, type));
        target.requestId().ifPresent(id -> request.header(REQUEST_ID, id));
        target.traceContext().forEach((name, value) -> request.header(HeaderNames.create(name), value));
        target.auth().ifPresent(credential -> {
            switch (credential) {
                case UpstreamAuth.Header header -> request.header(HeaderNames.create(header.name()),
                        header.value().reveal());
                case UpstreamAuth.QueryParam query -> request.queryParam(query.name(), query.value().reveal());
                case UpstreamAuth.BodyParam ignored -> { } // written into the body by the provider
            }
        });
        return request;
    }

    private WebClient client(UpstreamTimeouts timeouts) {
        // Helidon's client measured faster than java.net.http under load here, and keeps a pooled keep-alive
        // connection per host. TCP_NODELAY: without it small SSE writes stall ~40 ms each (Nagle + delayed ACK).
        return clients.computeIfAbsent(timeouts, timeout -> WebClient.builder()
                .socketOptions(options -> options.tcpNoDelay(true))
                .connectTimeout(timeout.connect())
                .readTimeout(timeout.firstByte())
                .followRedirects(false)
                .keepAlive(true)
                .build());
    }

    private static Reply reply(HttpClientResponse response) {
        Map<String, String> rateLimits = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            if (header.headerName().lowerCase().startsWith("x-ratelimit")) {
                rateLimits.put(header.name(), header.values());
            }
        }
        return new Reply(response.status().code(), body(response),
                response.headers().first(HeaderNames.RETRY_AFTER), rateLimits);
    }

    /**
     * The whole body: exactly its declared length when it has one (reading to the end takes 16 KiB buffers per
     * answer, most of a chat request's allocation), else as it comes.
     */
    private static byte[] body(HttpClientResponse response) {
        OptionalLong length = response.headers().contentLength();
        if (length.isEmpty() || length.getAsLong() > Integer.MAX_VALUE - 8) {
            return response.entity().as(byte[].class);
        }
        try (InputStream in = response.inputStream()) {
            return in.readNBytes((int) length.getAsLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> relayedHeaders(HttpClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            if (!NOT_RELAYED.contains(header.headerName().lowerCase())) {
                headers.put(header.name(), header.values());
            }
        }
        return headers;
    }

    /**
     * Says what failed without the cause's own text or the upstream's address, which may be internal. A failure
     * with a {@code watchdog} came during the answer (the watchdog starts with the body).
     */
    private GatewayException failure(RuntimeException e, StreamWatchdog watchdog) {
        boolean midStream = watchdog != null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException gatewayException) {
                return gatewayException; // e.g. a streamed upload over the route's size cap
            }
        }
        if (midStream && watchdog.firedReason() != null) {
            return new GatewayException(new GatewayError.UpstreamTimeout(upstreamName + "'s stream "
                    + watchdog.firedReason()), e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new GatewayException(new GatewayError.UpstreamTimeout(midStream
                        ? upstreamName + "'s stream went silent for longer than the read timeout"
                        : upstreamName + " did not answer within the read timeout"), e);
            }
        }
        if (midStream) {
            return new GatewayException(new GatewayError.UpstreamUnreachable(
                    "the connection to " + upstreamName + " broke during the answer"), e);
        }
        return new GatewayException(new GatewayError.UpstreamUnreachable("could not reach " + upstreamName,
                !neverConnected(e)), e);
    }

    /** A refused connection or an unknown host: the request certainly never reached the upstream. */
    private static boolean neverConnected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
