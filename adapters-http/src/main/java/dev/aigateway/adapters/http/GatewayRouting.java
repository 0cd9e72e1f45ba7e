package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.ports.engine.LiveRoutes;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's HTTP surface: the configured routes, looked up on each request in the generation of routes that
 * serves now (a reload swaps them all at once), and every error as an OpenAI envelope.
 */
final class GatewayRouting {
    static final String METRICS_PATH = "/metrics";
    private static final Set<String> OWN_PATHS = Set.of(ModelsHandler.PATH, METRICS_PATH, HealthHandlers.LIVE,
            HealthHandlers.READY);
    private static final System.Logger LOG = System.getLogger(GatewayRouting.class.getName());

    private final LiveRoutes routes;
    private final UseCases useCases;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final Readiness readiness;
    private final GatewayMetrics metrics;
    private final ModelsHandler models;
    /** The handlers of the generation last served; rebuilt on the first request after a reload. */
    private volatile Dispatch dispatch;

    /** One generation's handlers, by the exact path they answer. */
    private record Dispatch(LiveRoutes.Generation generation, Map<String, Handler> byPath) { }

    GatewayRouting(LiveRoutes routes, UseCases useCases, OpenAiJson json, OpenStreams streams, Readiness readiness,
                   GatewayMetrics metrics) {
        this.routes = routes;
        this.useCases = useCases;
        this.json = json;
        this.streams = streams;
        this.readiness = readiness;
        this.metrics = metrics;
        this.models = new ModelsHandler(useCases.models(), json);
    }

    void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            long started = System.nanoTime();
            RequestIds.assign(req, res);
            try {
                chain.proceed();
            } finally {
                String path = req.path().path();
                metrics.httpRequest(req.prologue().method().text(), OWN_PATHS.contains(path)
                                || dispatch().byPath().containsKey(path) ? path : "unmatched",
                        res.status().code(), Duration.ofNanos(System.nanoTime() - started));
            }
        });
        routing.get(METRICS_PATH, (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
        HealthHandlers.register(routing, readiness, json);
        routing.any(this::route);
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

    /** A configured route's handler; else the model list (unless a route claims its path); else a 404. */
    private void route(ServerRequest req, ServerResponse res) throws Exception {
        String path = req.path().path();
        Handler handler = dispatch().byPath().get(path);
        if (handler != null) {
            handler.handle(req, res);
        } else if (path.equals(ModelsHandler.PATH) && req.prologue().method() == Method.GET) {
            models.handle(req, res);
        } else {
            Replies.sendError(res, json, OpenAiErrors.http(404, "no route serves " + path, "not_found"));
        }
    }

    private Dispatch dispatch() {
        LiveRoutes.Generation current = routes.current();
        Dispatch built = dispatch;
        if (built == null || built.generation() != current) {
            built = new Dispatch(current, handlers(current.routes()));
            dispatch = built;
        }
        return built;
    }

    private Map<String, Handler> handlers(List<Route> served) {
        Map<String, Handler> byPath = new HashMap<>();
        for (Route route : served) {
            Handler handler = route.type() == RouteType.PRESERVE ? new PassthroughHandler(route,
                    useCases.passthrough()) : postOnly(new JsonRouteHandler(route, json, streams,
                    JsonRouteHandler.operation(route, useCases, json)));
            route.paths().forEach(path -> byPath.put(path, handler));
        }
        return Map.copyOf(byPath);
    }

    private Handler postOnly(Handler handler) {
        return (req, res) -> {
            if (req.prologue().method() == Method.POST) {
                handler.handle(req, res);
                return;
            }
            res.header(HeaderNames.ALLOW, "POST");
            Replies.sendError(res, json, OpenAiErrors.http(405, "method " + req.prologue().method().text()
                    + " is not allowed on " + req.path().path() + "; use POST", "method_not_allowed"));
        };
    }
}
