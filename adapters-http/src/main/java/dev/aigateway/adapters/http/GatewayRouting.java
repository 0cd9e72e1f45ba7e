package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The gateway's HTTP surface: one handler per configured route path, and every error as an OpenAI envelope. */
final class GatewayRouting {
    static final String METRICS_PATH = "/metrics";
    private static final System.Logger LOG = System.getLogger(GatewayRouting.class.getName());

    private final List<Route> routes;
    private final UseCases useCases;
    private final OpenAiJson json;
    private final OpenStreams streams;

    private final Readiness readiness;

    private final GatewayMetrics metrics;

    GatewayRouting(List<Route> routes, UseCases useCases, OpenAiJson json, OpenStreams streams,
                   Readiness readiness, GatewayMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.routes = List.copyOf(routes);
        this.useCases = useCases;
        this.json = json;
        this.streams = streams;
    }

    void register(HttpRouting.Builder routing) {
        Set<String> knownPaths = new HashSet<>(List.of(ModelsHandler.PATH, METRICS_PATH, HealthHandlers.LIVE,
                HealthHandlers.READY));
        routes.forEach(route -> knownPaths.addAll(route.paths()));
        routing.addFilter((chain, req, res) -> {
            long started = System.nanoTime();
            RequestIds.assign(req, res);
            try {
                chain.proceed();
            } finally {
                String path = req.path().path();
                metrics.httpRequest(req.prologue().method().text(), knownPaths.contains(path) ? path : "unmatched",
                        res.status().code(), Duration.ofNanos(System.nanoTime() - started));
            }
        });
        routing.get(METRICS_PATH, (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
        for (Route route : routes) {
            if (route.type() == RouteType.PRESERVE) {
                Handler handler = new PassthroughHandler(route, useCases.passthrough());
                route.paths().forEach(path -> routing.any(path, handler));
                continue;
            }
            Handler handler = new JsonRouteHandler(route, json, streams, JsonRouteHandler.operation(route, useCases,
                    json));
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
}
