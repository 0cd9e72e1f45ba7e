import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A paced fake Mistral stream for the benchmark: 200 ms to the first token, then 20 ms between tokens, 20 events,
 * on virtual threads so thousands of slow streams cost little. Run: java PacedMistral.java PORT
 */
public class PacedMistral {
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", PacedMistral::stream);
        server.start();
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            sleep(200);
            for (int i = 0; i < 20; i++) {
                if (i > 0) {
                    sleep(20);
                }
                String finish = i == 19 ? "\"stop\"" : "null";
                String usage = i == 19 ? ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":20,\"total_tokens\":32}" : "";
                out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"},\"finish_reason\":" + finish
                        + "}]" + usage + "}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
