import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The bare Helidon proxy of {@code HelidonProxy.java} with Jetty 12's HttpClient as its egress instead of Helidon's
 * WebClient: the same server, the same pass-through, an event-loop client (selector threads, non-blocking sockets),
 * for issue 15's side-by-side measure of the egress.
 * Run: java -cp app/target/gateway.jar:JETTY_CLIENT_JARS bench/JettyClientProxy.java PORT UPSTREAM_PORT
 */
public class JettyClientProxy {
    public static void main(String[] args) throws Exception {
        HttpClient upstream = new HttpClient();
        upstream.setMaxConnectionsPerDestination(100_000);
        upstream.start();
        String base = "http://127.0.0.1:" + args[1];
        PassThrough.serve(Integer.parseInt(args[0]), (request, response) -> pass(upstream, base, request, response));
    }

    private static void pass(HttpClient upstream, String base, ServerRequest request, ServerResponse response)
            throws Exception {
        byte[] body = request.content().inputStream().readAllBytes();
        InputStreamResponseListener listener = new InputStreamResponseListener();
        upstream.newRequest(base + request.path().rawPath())
                .method(request.prologue().method().text())
                .body(new BytesRequestContent("application/json", body))
                .send(listener);
        Response answer = listener.get(10, TimeUnit.SECONDS);
        long length = answer.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        PassThrough.answer(response, answer.getStatus(),
                Optional.ofNullable(answer.getHeaders().get(HttpHeader.CONTENT_TYPE)),
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), listener.getInputStream());
    }
}
