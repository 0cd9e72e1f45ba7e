package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.ports.ClientGoneException;
import dev.aigateway.ports.Readiness;
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
    private final UseCases useCases;
    private final OpenAiJson json;
    private final Heartbeats heartbeats;

    private final Readiness readiness;

    GatewayRouting(List<Route> routes, UseCases useCases, OpenAiJson json, Heartbeats heartbeats,
                   Readiness readiness) {
        this.readiness = readiness;
        this.routes = List.copyOf(routes);
        this.useCases = useCases;
        this.json = json;
        this.heartbeats = heartbeats;
    }

    void register(HttpRouting.Builder routing) {
        for (Route route : routes) {
            if (route.type() == RouteType.PRESERVE) {
                Handler handler = new PassthroughHandler(route, useCases.passthrough());
                route.paths().forEach(path -> routing.any(path, handler));
                continue;
            }
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
        HealthHandlers.register(routing, readiness, json);
        boolean modelsPathTaken = routes.stream().anyMatch(route -> route.paths().contains(ModelsHandler.PATH));
        if (!modelsPathTaken) {
            routing.get(ModelsHandler.PATH, new ModelsHandler(useCases.models(), json));
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
            case CHAT -> new ChatHandler(route, useCases.chat(), json, heartbeats);
            case COMPLETIONS -> new CompletionsHandler(route, useCases.completions(), json, heartbeats);
            case EMBEDDINGS -> new EmbeddingsHandler(route, useCases.embeddings(), json);
            case PRESERVE -> new PassthroughHandler(route, useCases.passthrough());
        };
    }
}
