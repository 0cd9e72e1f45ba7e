import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the bare proxies share (HelidonProxy, JdkClientProxy, JettyClientProxy): Helidon's WebServer as the gateway
 * configures it, every request handed to one client, and the answer passed back: whole, or as its bytes arrive.
 * The launcher compiles this file beside the one it runs (JDK 22+).
 */
final class PassThrough {
    /** Sends one request upstream through some client and answers it. */
    interface Client {
        void pass(ServerRequest request, ServerResponse response) throws Exception;
    }

    private PassThrough() { }

    static void serve(int port, Client client) {
        WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .maxConcurrentRequests(100_000)
                .routing(routing -> routing.any((request, response) -> client.pass(request, response)))
                .build()
                .start();
    }

    /**
     * Answers with the upstream's status, content type and body, then closes {@code body}: a body of known
     * {@code length} is read exactly and sent with it (as the gateway reads one), any other is relayed as it arrives.
     */
    static void answer(ServerResponse response, int status, Optional<String> contentType, OptionalLong length,
                       InputStream body) throws IOException {
        response.status(Status.create(status));
        contentType.ifPresent(type -> response.header(HeaderNames.CONTENT_TYPE, type));
        try (body) {
            if (length.isPresent()) {
                response.send(body.readNBytes((int) length.getAsLong()));
            } else {
                relay(body, response);
            }
        }
    }

    /** Writes a stream on, flushing whatever arrived at once as the gateway's relay does. */
    private static void relay(InputStream in, ServerResponse response) throws IOException {
        try (OutputStream out = response.outputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, read);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }
}
