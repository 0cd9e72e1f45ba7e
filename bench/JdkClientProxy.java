import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The bare Helidon proxy of {@code HelidonProxy.java} with the JDK's own HTTP client as its egress instead of
 * Helidon's WebClient: the same server, the same pass-through, another client, for issue 15's side-by-side measure
 * of the egress. The JDK client reads answers on its selector thread and hands them over, where WebClient blocks the
 * request's virtual thread on the socket.
 * Run: java -cp app/target/gateway.jar bench/JdkClientProxy.java PORT UPSTREAM_PORT
 */
public class JdkClientProxy {
    public static void main(String[] args) {
        HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + args[1];
        PassThrough.serve(Integer.parseInt(args[0]), (request, response) -> pass(upstream, base, request, response));
    }

    private static void pass(HttpClient upstream, String base, ServerRequest request, ServerResponse response)
            throws IOException, InterruptedException {
        byte[] body = request.content().inputStream().readAllBytes();
        HttpRequest call = HttpRequest.newBuilder(URI.create(base + request.path().rawPath()))
                .method(request.prologue().method().text(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<InputStream> answer = upstream.send(call, HttpResponse.BodyHandlers.ofInputStream());
        PassThrough.answer(response, answer.statusCode(), answer.headers().firstValue("content-type"),
                answer.headers().firstValueAsLong("content-length"), answer.body());
    }
}
