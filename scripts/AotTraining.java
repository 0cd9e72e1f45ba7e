import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two sides of the AOT training run (scripts/aot-train.sh), so that the cache holds what a working gateway
 * loads and how its hot methods behave, not only the error path:
 *   java scripts/AotTraining.java upstream          a local stand-in for Mistral on a free loopback port (printed)
 *   java scripts/AotTraining.java load URL SECONDS  requests of every kind to the gateway at URL, from 8 threads
 * JDK only: it runs before anything else is installed, and nothing leaves the machine.
 */
public class AotTraining {
    private static final String CHAT = "{\"id\":\"t\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello! How can I help you today?\",\"tool_calls\":null},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}";
    private static final String CHUNK = "data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"},"
            + "\"finish_reason\":%s}]%s}\n\n";
    private static final String USAGE = ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":20,"
            + "\"total_tokens\":32}";
    private static final String EMBEDDINGS = embeddings();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"mistral-small-latest\","
            + "\"object\":\"model\",\"created\":1,\"owned_by\":\"mistralai\"}]}";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "upstream" -> upstream();
            case "load" -> load(URI.create(args[1]), Duration.ofSeconds(Long.parseLong(args[2])));
            default -> throw new IllegalArgumentException("upstream | load URL SECONDS");
        }
    }

    private static void upstream() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", AotTraining::answer);
        server.start();
        System.out.println("port " + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String body;
        String type = "application/json";
        if (path.endsWith("/models")) {
            body = MODELS;
        } else if (path.endsWith("/embeddings")) {
            body = EMBEDDINGS;
        } else if (request.contains("\"stream\":true")) {
            type = "text/event-stream";
            body = stream();
        } else {
            body = CHAT;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String stream() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            events.append(CHUNK.formatted("null", ""));
        }
        return events.append(CHUNK.formatted("\"stop\"", USAGE)).append("data: [DONE]\n\n").toString();
    }

    private static String embeddings() {
        StringBuilder vector = new StringBuilder("[");
        for (int i = 0; i < 1024; i++) {
            vector.append(i == 0 ? "" : ",").append(i / 4096.0);
        }
        return "{\"id\":\"e\",\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":" + vector
                + "],\"index\":0}],\"model\":\"mistral-embed\",\"usage\":{\"prompt_tokens\":5,"
                + "\"completion_tokens\":0,\"total_tokens\":5}}";
    }

    private static void load(URI gateway, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpRequest> requests = List.of(
                post(gateway, "/v1/chat/completions", "{\"model\":\"mistral-small-latest\",\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":64}"),
                post(gateway, "/v1/chat/completions", "{\"model\":\"mistral-small-latest\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"),
                post(gateway, "/v1/embeddings", "{\"model\":\"mistral-embed\",\"input\":[\"Hello world\"]}"),
                post(gateway, "/v1/completions", "{\"model\":\"codestral-latest\",\"prompt\":\"def f(\","
                        + "\"suffix\":\"return 1\"}"),
                HttpRequest.newBuilder(gateway.resolve("/v1/models")).build(),
                HttpRequest.newBuilder(gateway.resolve("/health/ready")).build(),
                HttpRequest.newBuilder(gateway.resolve("/metrics")).build());
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                // Mostly chat, streams and embeddings, as a gateway's traffic is; each of the rest in turn, one
                // request in ten.
                for (int i = 0; System.nanoTime() < end; i++) {
                    int slot = i % 10;
                    HttpRequest request = requests.get(slot < 4 ? 0 : slot < 7 ? 1 : slot < 9 ? 2 : 3 + i / 10 % 4);
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status / 100 == 2 ? served : failed).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("training requests: " + served + " answered 2xx, " + failed + " not");
        if (served.get() == 0 || failed.get() > 0) {
            System.exit(1); // the cache would hold the error path's behaviour: said by aot-train.sh
        }
    }

    private static HttpRequest post(URI gateway, String path, String json) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
