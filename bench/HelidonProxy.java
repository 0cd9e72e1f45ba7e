import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;

/**
 * The benchmark's "bare Java proxy" baseline: Helidon's WebServer and WebClient, as the gateway uses them, passing
 * requests through to one upstream unchanged, with no translation, no checks and no metrics. What the gateway
 * costs beyond this row is its own work; what this row costs beyond nginx is the Java HTTP stack's.
 * Run: java -cp app/target/gateway.jar bench/HelidonProxy.java PORT UPSTREAM_PORT
 */
public class HelidonProxy {
    public static void main(String[] args) {
        WebClient upstream = WebClient.builder()
                .baseUri("http://127.0.0.1:" + args[1])
                .socketOptions(options -> options.tcpNoDelay(true))
                .keepAlive(true)
                .build();
        PassThrough.serve(Integer.parseInt(args[0]), (request, response) -> pass(upstream, request, response));
    }

    private static void pass(WebClient upstream, ServerRequest request, ServerResponse response) throws IOException {
        byte[] body = request.content().inputStream().readAllBytes();
        try (HttpClientResponse answer = upstream.method(request.prologue().method())
                .uri(request.path().rawPath())
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body)) {
            PassThrough.answer(response, answer.status().code(),
                    answer.headers().contentType().map(type -> type.text()), answer.headers().contentLength(),
                    answer.inputStream());
        }
    }
}
