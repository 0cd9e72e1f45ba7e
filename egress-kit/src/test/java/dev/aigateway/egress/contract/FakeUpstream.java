package dev.aigateway.egress.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every fake upstream shares: a Helidon server on a free loopback port, the request bodies it received, and
 * the faults a test scripts for it. A subclass brings its endpoints and starts itself with {@link #listen()}.
 */
public abstract class FakeUpstream implements AutoCloseable {
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final ScriptedFaults faults = new ScriptedFaults();
    private WebServer server;

    /** The fake's endpoints. */
    protected abstract void routes(HttpRouting.Builder routing);

    /** Starts listening; the subclass's factory calls it once the fake is constructed. */
    protected final void listen() {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(this::routes)
                .build().start();
    }

    /**
     * The fault scripted for this request, if any: a failure is answered here, a delay waited out. Null when none
     * was scripted.
     */
    protected final ScriptedFaults.Fault nextFault(ServerResponse response) {
        ScriptedFaults.Fault fault = faults.take().orElse(null);
        if (fault instanceof ScriptedFaults.Fault.Fail fail) {
            response.status(fail.status());
            response.header(HeaderNames.CONTENT_TYPE, fail.contentType());
            response.send(fail.body().getBytes(StandardCharsets.UTF_8));
        }
        return fault;
    }

    /** Keeps a request body for the test to read. */
    protected final void record(JsonNode body) {
        requests.add(body);
    }

    /** Sends a JSON body with this status. */
    protected static void sendJson(ServerResponse response, int status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A deterministic vector for a text, its values multiples of 1/1024 so float32 and double agree exactly;
     * {@code salt} gives each fake vectors of its own.
     */
    protected static double[] vectorOf(String text, int dimensions, int salt) {
        double[] vector = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (Math.floorMod(text.hashCode() * salt + i * 7919, 2049) - 1024) / 1024.0;
        }
        return vector;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The request bodies received so far, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** What the next requests get instead of a model's answer. */
    public ScriptedFaults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop();
    }
}
