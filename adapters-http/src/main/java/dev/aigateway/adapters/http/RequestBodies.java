package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import dev.aigateway.domain.passthrough.RawBody;
import dev.aigateway.domain.passthrough.RequestBody;
import dev.aigateway.domain.passthrough.StreamedBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Reads a request body up to a route's limit, so an oversized body is refused without being buffered. */
final class RequestBodies {
    /** The longest byte array the JVM allocates. */
    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private RequestBodies() { }

    /** A JSON body: refused with 415 when the client declares another type, 400 when there is none. */
    static byte[] readJson(ServerRequest request, long limit) {
        request.headers().first(HeaderNames.CONTENT_TYPE).ifPresent(type -> {
            if (!isJson(type)) {
                throw new GatewayException(new GatewayError.UnsupportedMediaType(type));
            }
        });
        if (!request.content().hasEntity()) {
            throw GatewayException.invalid("request body is empty", null);
        }
        return readUpTo(request, limit);
    }

    /** {@code application/json} or any {@code +json} type, with any parameters. */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** The body, or no bytes when the request has none (a pass-through GET). */
    static byte[] readIfAny(ServerRequest request, long limit) {
        return request.content().hasEntity() ? readUpTo(request, limit) : new byte[0];
    }

    /**
     * The body as it arrives, for an upload relayed without holding it: refused with 413 up front when its declared
     * length is over {@code limit}, and mid-way when it turns out to be.
     */
    static RequestBody streamed(ServerRequest request, long limit) {
        if (!request.content().hasEntity()) {
            return RawBody.empty();
        }
        refuseDeclaredOver(request, limit);
        return new StreamedBody(new CappedInput(request.content().inputStream(), limit));
    }

    private static void refuseDeclaredOver(ServerRequest request, long limit) {
        if (request.headers().contentLength().orElse(0) > limit) {
            throw new GatewayException(new GatewayError.RequestTooLarge(limit));
        }
    }

    /** A stream that fails with the gateway's 413 once more than its cap has been read from it. */
    private static final class CappedInput extends FilterInputStream {
        private final long limit;
        private long read;

        CappedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(super.read(buffer, offset, length));
        }

        private int counted(int bytes) {
            if (bytes > 0) {
                read += bytes;
                if (read > limit) {
                    throw new GatewayException(new GatewayError.RequestTooLarge(limit));
                }
            }
            return bytes;
        }
    }

    private static byte[] readUpTo(ServerRequest request, long limit) {
        refuseDeclaredOver(request, limit);
        long declared = request.headers().contentLength().orElse(-1);
        try (InputStream in = request.content().inputStream()) {
            if (declared >= 0 && declared <= LARGEST_ARRAY) {
                // Exactly the declared bytes: reading up to the limit would take 16 KiB buffers for a 100-byte body.
                return in.readNBytes((int) declared);
            }
            byte[] body = in.readNBytes((int) Math.min(limit + 1, LARGEST_ARRAY));
            if (body.length > limit) {
                throw new GatewayException(new GatewayError.RequestTooLarge(limit));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }
}
