package dev.aigateway.app;

import dev.aigateway.adapters.http.HttpModule.AdminSettings;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteMatching;
import dev.aigateway.ports.ProviderOptionsReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the gateway's YAML: a {@code server} block and Kong-style {@code routes}, each carrying an
 * {@code ai-proxy} plugin whose {@code config} is Kong's, field for field. Every field is validated;
 * fields this gateway does not implement yet are refused by name rather than ignored.
 */
final class KongConfigReader {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "0.0.0.0";
    static final long DEFAULT_MODELS_CACHE_SECONDS = 300;
    private static final String ADVANCED = "ai-proxy-advanced";

    private KongConfigReader() { }

    /** @param providers each provider's options reader, by provider id */
    static GatewayConfig read(ConfigNode root, Map<String, ProviderOptionsReader> providers) {
        AiProxyConfigReader aiProxy = new AiProxyConfigReader(providers);
        root.allowOnly(Set.of("_format_version", "_transform", "_info", "server", "services", "routes", "consumers",
                "plugins"), Map.of());
        AccessConfigReader access = AccessConfigReader.consumers(root.list("consumers"));
        ConfigNode serverNode = root.object("server");
        Listen listen = listen(serverNode);
        ServerSettings server = server(serverNode, listen);
        long modelsCacheSeconds = serverNode.integer("models_cache_ttl_seconds").orElse(DEFAULT_MODELS_CACHE_SECONDS);
        if (modelsCacheSeconds < 0) {
            throw serverNode.error("models_cache_ttl_seconds", "cannot be negative");
        }
        List<KongDocument.DeclaredRoute> declared = KongDocument.routes(root);
        if (declared.isEmpty()) {
            throw new ConfigException("routes must list at least one route (at the top level or in a service)");
        }
        List<Route> routes = new ArrayList<>();
        AccessConfigReader.SharedStore shared = new AccessConfigReader.SharedStore();
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (KongDocument.DeclaredRoute declaredRoute : declared) {
            ConfigNode node = declaredRoute.node();
            Route route = route(declaredRoute, aiProxy, access, shared);
            if (!names.add(route.name())) {
                throw new ConfigException(node.path() + ".name '" + route.name() + "' is used by another route");
            }
            for (String path : route.paths()) {
                // Routes may share a path when their hosts or methods tell them apart, as in Kong.
                if (!paths.add(path + " " + route.matching().hosts() + " " + route.matching().methods())) {
                    throw new ConfigException(node.path() + ".paths: '" + path + "' is served by another route");
                }
            }
            routes.add(route);
        }
        return new GatewayConfig(server, routes, Duration.ofSeconds(modelsCacheSeconds), listen.origin(),
                shared.settings(), admin(serverNode.object("admin")),
                TracingConfigReader.read(serverNode.object("tracing")));
    }

    /** Where to listen, and where each half came from. */
    private record Listen(String host, int port, String origin) { }

    /**
     * {@code SERVER_HOST} and {@code SERVER_PORT} override the config's {@code server.host} / {@code server.port},
     * whether the config is the embedded default or a file, as twelve-factor deployments expect.
     */
    private static Listen listen(ConfigNode node) {
        Optional<String> envHost = node.environment("SERVER_HOST").filter(host -> !host.isBlank());
        Optional<String> envPort = node.environment("SERVER_PORT").filter(port -> !port.isBlank());
        String host = envHost.orElseGet(() -> node.string("host").orElse(DEFAULT_HOST));
        long port = envPort.map(KongConfigReader::environmentPort)
                .orElseGet(() -> node.integer("port").orElse((long) DEFAULT_PORT));
        if (port < 0 || port > 65535) {
            throw node.error("port", "must be between 0 and 65535");
        }
        String origin = "host from " + (envHost.isPresent() ? "SERVER_HOST" : node.has("host") ? "the config"
                : "the default") + ", port from " + (envPort.isPresent() ? "SERVER_PORT" : node.has("port")
                ? "the config" : "the default");
        return new Listen(host, (int) port, origin);
    }

    private static long environmentPort(String text) {
        try {
            long port = Long.parseLong(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ConfigException("SERVER_PORT must be a port between 0 and 65535, got '" + text + "'");
    }

    private static ServerSettings server(ConfigNode node, Listen listen) {
        node.allowOnly(Set.of("host", "port", "admin", "tracing", "models_cache_ttl_seconds", "max_concurrent_requests",
                "client_read_timeout_seconds", "max_headers_bytes", "max_request_line_bytes",
                "shutdown_grace_seconds", "sse_heartbeat_seconds", "limits"), Map.of());
        ServerSettings defaults = ServerSettings.defaults(listen.host(), listen.port());
        return new ServerSettings(defaults.host(), defaults.port(),
                positive(node, "max_concurrent_requests", defaults.maxConcurrentRequests()),
                Duration.ofSeconds(positive(node, "client_read_timeout_seconds",
                        (int) defaults.clientReadTimeout().toSeconds())),
                positive(node, "max_headers_bytes", defaults.maxHeadersBytes()),
                positive(node, "max_request_line_bytes", defaults.maxRequestLineBytes()),
                Duration.ofSeconds(positive(node, "shutdown_grace_seconds",
                        (int) defaults.shutdownGrace().toSeconds())),
                Duration.ofSeconds(positive(node, "sse_heartbeat_seconds",
                        (int) defaults.sseHeartbeat().toSeconds())),
                limits(node.object("limits")));
    }

    /**
     * The admin listener ({@code POST /config}): off unless the block is there; on loopback unless it says
     * otherwise.
     */
    private static Optional<AdminSettings> admin(ConfigNode node) {
        node.allowOnly(Set.of("host", "port"), Map.of());
        if (!node.has("port")) {
            if (node.has("host")) {
                throw node.error("port", "is required to open the admin listener");
            }
            return Optional.empty();
        }
        long port = node.integer("port").orElseThrow();
        if (port < 0 || port > 65535) {
            throw node.error("port", "must be between 0 and 65535");
        }
        return Optional.of(new AdminSettings(node.string("host").orElse(AdminSettings.DEFAULT_HOST), (int) port));
    }

    private static RequestLimits limits(ConfigNode node) {
        node.allowOnly(Set.of("max_messages", "max_tools", "max_embedding_inputs", "max_json_depth"), Map.of());
        RequestLimits defaults = RequestLimits.defaults();
        return new RequestLimits(positive(node, "max_messages", defaults.maxMessages()),
                positive(node, "max_tools", defaults.maxTools()),
                positive(node, "max_embedding_inputs", defaults.maxEmbeddingInputs()),
                positive(node, "max_json_depth", defaults.maxJsonDepth()));
    }

    private static int positive(ConfigNode node, String field, int fallback) {
        long value = node.integer(field).orElse((long) fallback);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw node.error(field, "must be a positive whole number");
        }
        return (int) value;
    }

    private static Route route(KongDocument.DeclaredRoute declared, AiProxyConfigReader aiProxy,
                               AccessConfigReader access, AccessConfigReader.SharedStore shared) {
        ConfigNode node = declared.node();
        // Kong's fields that change nothing here: ai-proxy names the upstream and its host, and answers stream as
        // they arrive whatever the buffering settings.
        String matchedOn = "routes match on paths, methods and hosts";
        node.allowOnly(Set.of("name", "id", "tags", "service", "paths", "hosts", "plugins", "protocols", "methods",
                "strip_path", "preserve_host", "request_buffering", "response_buffering", "path_handling",
                "https_redirect_status_code", "regex_priority"), Map.of("headers", matchedOn, "snis", matchedOn,
                "sources", matchedOn, "destinations", matchedOn));
        String name = KongDocument.routeName(node).orElseThrow(() -> node.error("name", "is required"));
        List<String> paths = node.strings("paths");
        if (paths.isEmpty()) {
            throw node.error("paths", "must list at least one path");
        }
        for (String path : paths) {
            if (path.startsWith("~")) {
                try {
                    Pattern.compile(path.substring(1));
                } catch (PatternSyntaxException e) {
                    throw node.error("paths", "'" + path + "' is not a valid regular expression: "
                            + e.getDescription());
                }
            } else if (!path.startsWith("/")) {
                throw node.error("paths", "entries must start with '/' (or '~' for a regular expression), got '"
                        + path + "'");
            }
        }
        List<String> methods = node.strings("methods");
        node.strings("protocols").forEach(protocol -> {
            if (!protocol.equals("http") && !protocol.equals("https")) {
                throw node.error("protocols", "may only list http and https");
            }
        });
        List<ConfigNode> proxies = declared.plugins().values().stream().map(KongDocument.Plugin::node)
                .filter(plugin -> !AccessConfigReader.PLUGINS.contains(plugin.requiredString("name"))).toList();
        for (ConfigNode plugin : proxies) {
            String pluginName = plugin.requiredString("name");
            if (!KongDocument.isProxy(pluginName)) {
                throw plugin.error("name", "must be ai-proxy, ai-proxy-advanced, " + String.join(", ",
                        new TreeSet<>(AccessConfigReader.PLUGINS)) + ", got '" + pluginName + "'");
            }
        }
        if (proxies.size() != 1) {
            throw node.error("plugins", "must hold exactly one ai-proxy or ai-proxy-advanced plugin (its own, its"
                    + " service's or a global one)");
        }
        ConfigNode plugin = proxies.get(0);
        Route route = plugin.requiredString("name").equals(ADVANCED)
                ? aiProxy.advanced(name, paths, plugin.object("config"))
                : aiProxy.route(name, paths, plugin.object("config"));
        if (!route.type().takesAnyMethod() && methods.stream().anyMatch(method -> !method.equals("POST"))) {
            throw node.error("methods", "may only list POST on a " + route.type().configName()
                    + " route; preserve, conversations, files and batch jobs routes take every method");
        }
        List<String> hosts = node.strings("hosts");
        for (String host : hosts) {
            if (host.isBlank() || host.indexOf('*') != host.lastIndexOf('*')
                    || host.contains("*") && !host.startsWith("*.") && !host.endsWith(".*")) {
                throw node.error("hosts", "entries are host names, with at most a leading '*.' or a trailing '.*',"
                        + " got '" + host + "'");
            }
        }
        long regexPriority = node.integer("regex_priority").orElse(0L);
        // Kong strips the matched path by default; only forwarding routes send the client's path upstream.
        RouteMatching matching = new RouteMatching(methods, hosts, node.bool("strip_path").orElse(true),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, regexPriority)));
        return route.withMatching(matching).withAccess(access.routeAccess(node, route, declared.plugins(),
                declared.consumerLimits(), shared));
    }
}
