package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ClientGoneException;
import dev.aigateway.ports.EmbeddingUseCase;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.util.List;

/** The gateway's HTTP surface: one handler per configured route path, and every error as an OpenAI envelope. */
final class GatewayRouting {
    private static final System.Logger LOG = System.getLogger(GatewayRouting.class.getName());

    private final List<Route> routes;
    private final ChatCompletionUseCase chat;
    private final EmbeddingUseCase embeddings;
    private final OpenAiJson json;

    GatewayRouting(List<Route> routes, ChatCompletionUseCase chat, EmbeddingUseCase embeddings, OpenAiJson json) {
        this.routes = List.copyOf(routes);
        this.chat = chat;
        this.embeddings = embeddings;
        this.json = json;
    }

    void register(HttpRouting.Builder routing) {
        for (Route route : routes) {
            Handler handler = handler(route);
            for (String path : route.paths()) {
                routing.route(Method.POST, path, handler);
                routing.any(path, (req, res) -> {
                    res.header(HeaderNames.ALLOW, "POST");
                    Replies.sendError(res, json, OpenAiErrors.http(405,
                            "method " + req.prologue().method().text() + " is not allowed on " + path + "; use POST",
                            "method_not_allowed"));
                });
            }
        }
        routing.any((req, res) -> Replies.sendError(res, json, OpenAiErrors.http(404,
                "no route serves " + req.path().path(), "not_found")));
        routing.error(GatewayException.class, (req, res, e) -> {
            if (!res.isSent()) {
                Replies.sendError(res, json, OpenAiErrors.reply(e.error()));
            }
        });
        routing.error(ClientGoneException.class, (req, res, e) -> { });
        routing.error(Throwable.class, (req, res, e) -> {
            LOG.log(Level.ERROR, "unexpected failure on " + req.path().path(), e);
            if (!res.isSent()) {
                Replies.sendError(res, json, OpenAiErrors.internal());
            }
        });
    }

    private Handler handler(Route route) {
        return switch (route.type()) {
            case CHAT -> new ChatHandler(route, chat, json);
            case EMBEDDINGS -> new EmbeddingsHandler(route, embeddings, json);
            case COMPLETIONS, PRESERVE -> throw new IllegalArgumentException("route '" + route.name()
                    + "': route_type " + route.type().configName() + " is not served by this gateway yet");
        };
    }
}
