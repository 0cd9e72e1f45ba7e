package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Capability;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's HTTP surface: the configured routes, looked up on each request in the generation of routes that
 * serves now (a reload swaps them all at once), and every error as an OpenAI envelope.
 */
final class GatewayRouting {
    static final String METRICS_PATH = "/metrics";
    /** Where the request's context keeps the configured path that matched, for the metrics' bounded label. */
    private static final String MATCHED_PATH = "dev.aigateway.matched-path";
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

    /** A route's handler, told how much of the path its route matched (what {@code strip_path} removes). */
    @FunctionalInterface
    interface RouteHandler {
        void handle(ServerRequest request, ServerResponse response, int matchedLength) throws Exception;
    }

    /**
     * One configured path of a route: a prefix, or Kong's regular expression ({@code ~...}, matched from the start
     * of the path).
     */
    private record Candidate(String configured, Route route, Pattern regex, RouteHandler handler) {
        /** How much of {@code path} this candidate matches, or -1. */
        int matchedLength(String path) {
            if (regex != null) {
                Matcher matcher = regex.matcher(path);
                return matcher.lookingAt() ? matcher.end() : -1;
            }
            return path.startsWith(configured) ? configured.length() : -1;
        }

        boolean takes(ServerRequest request) {
            return route.matching().takesMethod(request.prologue().method().text())
                    && route.matching().takesHost(() -> request.headers().first(HeaderNames.HOST));
        }
    }

    /** A request's route, and how much of its path matched. */
    private record Matched(Candidate candidate, int length) { }

    /**
     * One generation's paths in Kong's order: regular expressions first (higher {@code regex_priority} first, then
     * in config order), then prefixes, longest first; the first whose path, methods and hosts take the request wins.
     */
    private record Dispatch(LiveRoutes.Generation generation, List<Candidate> candidates) {
        Optional<Matched> match(ServerRequest request) {
            String path = request.path().path();
            for (Candidate candidate : candidates) {
                int length = candidate.matchedLength(path);
                if (length >= 0 && candidate.takes(request)) {
                    return Optional.of(new Matched(candidate, length));
                }
            }
            return Optional.empty();
        }
    }

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
                        : req.context().get(MATCHED_PATH, String.class).orElse("unmatched");
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
        Optional<Matched> matched = dispatch().match(req);
        if (matched.isPresent()) {
            req.context().register(MATCHED_PATH, matched.get().candidate().configured());
            matched.get().candidate().handler().handle(req, res, matched.get().length());
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
        List<Candidate> regexes = new ArrayList<>();
        List<Candidate> prefixes = new ArrayList<>();
        for (Route route : generation.routes()) {
            RouteHandler handler = handler(route);
            for (String path : route.paths()) {
                if (path.startsWith(REGEX_PREFIX)) {
                    regexes.add(new Candidate(path, route, Pattern.compile(path.substring(1)), handler));
                } else {
                    prefixes.add(new Candidate(path, route, null, handler));
                }
            }
        }
        regexes.sort(Comparator.comparingInt(candidate -> -candidate.route().matching().regexPriority()));
        prefixes.sort(Comparator.comparingInt(candidate -> -candidate.configured().length()));
        List<Candidate> ordered = new ArrayList<>(regexes);
        ordered.addAll(prefixes);
        return new Dispatch(generation, List.copyOf(ordered));
    }

    private RouteHandler handler(Route route) {
        Capability capability = route.type().capability();
        if (capability == Capability.PASSTHROUGH || capability == Capability.NATIVE) {
            PassthroughHandler relayed = new PassthroughHandler(route, useCases);
            return route.type().takesAnyMethod() ? relayed::handle : postOnly(relayed::handle, route);
        }
        Handler json = new JsonRouteHandler(route, this.json, streams, JsonRouteHandler.operation(route, useCases,
                this.json));
        return postOnly((request, response, matchedLength) -> json.handle(request, response), route);
    }

    /** A route whose type takes only POST answers POST; without configured methods, others get 405. */
    private RouteHandler postOnly(RouteHandler handler, Route route) {
        return (req, res, matchedLength) -> {
            if (req.prologue().method() == Method.POST || !route.matching().methods().isEmpty()) {
                handler.handle(req, res, matchedLength);
                return;
            }
            res.header(HeaderNames.ALLOW, "POST");
            Replies.sendError(res, json, OpenAiErrors.http(405, "method " + req.prologue().method().text()
                    + " is not allowed on " + req.path().path() + "; use POST", "method_not_allowed"));
        };
    }
}
