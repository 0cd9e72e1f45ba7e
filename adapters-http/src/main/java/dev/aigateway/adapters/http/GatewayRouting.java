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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's HTTP surface: the configured routes, looked up on each request in the generation of routes that
 * serves now (a reload swaps them all at once), and every error as an OpenAI envelope.
 */
final class GatewayRouting {
    static final String METRICS_PATH = "/metrics";
    /** Kong's mark of a path that is a regular expression. */
    static final String REGEX_PREFIX = "~";
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

    /**
     * One generation's handlers: by the exact path they answer, then Kong's regular-expression paths ({@code ~...},
     * matched from the start of the path), in the order the routes were configured.
     */
    private record Dispatch(LiveRoutes.Generation generation, Map<String, Handler> byPath,
                            List<RegexPath> byPattern) {
        /** The handler and the path's label for metrics (the route's own path text, never the raw path). */
        Optional<Map.Entry<String, Handler>> match(String path) {
            Handler exact = byPath.get(path);
            if (exact != null) {
                return Optional.of(Map.entry(path, exact));
            }
            for (RegexPath regex : byPattern) {
                if (regex.pattern().matcher(path).lookingAt()) {
                    return Optional.of(Map.entry(regex.configured(), regex.handler()));
                }
            }
            return Optional.empty();
        }
    }

    private record RegexPath(String configured, Pattern pattern, Handler handler) { }

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
                String label = OWN_PATHS.contains(path) ? path
                        : dispatch().match(path).map(Map.Entry::getKey).orElse("unmatched");
                metrics.httpRequest(req.prologue().method().text(), label, res.status().code(),
                        Duration.ofNanos(System.nanoTime() - started));
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
        Optional<Map.Entry<String, Handler>> matched = dispatch().match(path);
        if (matched.isPresent()) {
            matched.get().getValue().handle(req, res);
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
            built = dispatchOf(current);
            dispatch = built;
        }
        return built;
    }

    private Dispatch dispatchOf(LiveRoutes.Generation generation) {
        Map<String, Handler> byPath = new HashMap<>();
        List<RegexPath> byPattern = new ArrayList<>();
        for (Route route : generation.routes()) {
            Handler handler = route.type() == RouteType.PRESERVE ? new PassthroughHandler(route,
                    useCases.passthrough()) : postOnly(new JsonRouteHandler(route, json, streams,
                    JsonRouteHandler.operation(route, useCases, json)));
            for (String path : route.paths()) {
                if (path.startsWith(REGEX_PREFIX)) {
                    byPattern.add(new RegexPath(path, Pattern.compile(path.substring(1)), handler));
                } else {
                    byPath.put(path, handler);
                }
            }
        }
        return new Dispatch(generation, Map.copyOf(byPath), List.copyOf(byPattern));
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
