package dev.aigateway.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kong declarative document (a DB-less {@code kong.yml}, a decK dump) flattened into routes, each with the plugins
 * that apply to it: its own, its service's, and the global ones, a more specific plugin of a name replacing a more
 * general one, as in Kong. Services may nest their routes and plugins; top-level routes name their service, and
 * top-level plugins their route or service, by name or id. A service's upstream is not used: the ai-proxy plugin
 * names the upstream, as it does in Kong.
 */
final class KongDocument {
    static final String GLOBAL = "global";
    /** Kong's default for the service timeouts; another value would mean something this gateway does not do. */
    private static final long KONG_SERVICE_TIMEOUT = 60_000;

    /**
     * A plugin and where it was declared.
     *
     * @param scope {@value #GLOBAL}, {@code service:<name>} or {@code route:<name>}: whose counters a token limit
     *     declared there keeps
     */
    record Plugin(ConfigNode node, String scope) {
        String name() {
            return node.requiredString("name");
        }
    }

    /**
     * A route and the plugins that apply to it, by plugin name, and the token limits that replace the route's for
     * one consumer (Kong's consumer-scoped {@code ai-rate-limiting-advanced}), by username.
     */
    record DeclaredRoute(ConfigNode node, Map<String, Plugin> plugins, Map<String, Plugin> consumerLimits) { }

    /** A plugin for one consumer, on every route, or on one route or service. */
    private record ConsumerPlugin(String username, Optional<String> route, Optional<String> service,
                                  Plugin plugin) {
        /** 2 for the consumer on this route, 1 on its service, 0 on every route; -1 when it does not apply. */
        int specificity(String routeName, Optional<String> routeService) {
            if (route.isPresent()) {
                return route.get().equals(routeName) ? 2 : -1;
            }
            if (service.isPresent()) {
                return service.equals(routeService) ? 1 : -1;
            }
            return 0;
        }
    }

    /** The only plugin this gateway applies per consumer. */
    static final String CONSUMER_SCOPED = "ai-rate-limiting-advanced";

    private final Map<String, ConfigNode> services = new HashMap<>();
    private final Map<ConfigNode, String> serviceNames = new HashMap<>();
    private final Map<String, List<Plugin>> servicePlugins = new HashMap<>();
    private final Map<String, List<Plugin>> routePlugins = new HashMap<>();
    private final List<Plugin> global = new ArrayList<>();
    private final List<ConfigNode> routes = new ArrayList<>();
    private final Map<ConfigNode, String> routeService = new HashMap<>();
    private final Map<String, String> consumers = new HashMap<>();
    private final List<ConsumerPlugin> consumerPlugins = new ArrayList<>();

    private KongDocument() { }

    static List<DeclaredRoute> routes(ConfigNode root) {
        KongDocument document = new KongDocument();
        for (ConfigNode consumer : root.list("consumers")) {
            consumer.string("username").ifPresent(username -> {
                document.consumers.put(username, username);
                consumer.string("id").ifPresent(id -> document.consumers.put(id, username));
            });
        }
        for (ConfigNode service : root.list("services")) {
            document.service(service);
        }
        for (ConfigNode route : root.list("routes")) {
            route.reference("service").ifPresent(reference -> document.routeService.put(route,
                    document.serviceName(route, reference)));
            document.routes.add(route);
        }
        Map<String, ConfigNode> routesByReference = new HashMap<>();
        for (ConfigNode route : document.routes) {
            routeName(route).ifPresent(name -> routesByReference.put(name, route));
            route.string("id").ifPresent(id -> routesByReference.put(id, route));
        }
        for (ConfigNode plugin : root.list("plugins")) {
            document.topLevelPlugin(plugin, routesByReference);
        }
        for (ConfigNode consumer : root.list("consumers")) {
            for (ConfigNode plugin : consumer.list("plugins")) {
                document.consumerPlugin(plugin, consumer.requiredString("username"), routesByReference);
            }
        }
        return document.routes.stream().map(document::declared).toList();
    }

    private void service(ConfigNode node) {
        node.allowOnly(Set.of("name", "id", "url", "protocol", "host", "port", "path", "tags", "enabled", "retries",
                "connect_timeout", "read_timeout", "write_timeout", "routes", "plugins"), Map.of(
                "client_certificate", "the ai-proxy plugin connects upstream; set its options instead",
                "tls_verify", "the ai-proxy plugin connects upstream; set its options instead",
                "ca_certificates", "the ai-proxy plugin connects upstream; set its options instead"));
        for (String timeout : List.of("connect_timeout", "read_timeout", "write_timeout")) {
            if (node.integer(timeout).filter(value -> value != KONG_SERVICE_TIMEOUT).isPresent()) {
                throw node.error(timeout, "may only be Kong's default " + KONG_SERVICE_TIMEOUT + " here: the upstream"
                        + " call's timeouts are the ai-proxy plugin's timeouts block");
            }
        }
        if (!node.bool("enabled").orElse(true)) {
            throw node.error("enabled", "is false: remove the service and its routes instead");
        }
        String name = node.string("name").or(() -> node.string("id"))
                .orElseThrow(() -> node.error("name", "is required (or an id)"));
        if (services.put(name, node) != null) {
            throw node.error("name", "'" + name + "' is used by another service");
        }
        node.string("id").filter(id -> !id.equals(name)).ifPresent(id -> services.put(id, node));
        serviceNames.put(node, name);
        for (ConfigNode plugin : node.list("plugins")) {
            plugin(plugin, "service:" + name, servicePlugins.computeIfAbsent(name, key -> new ArrayList<>()));
        }
        for (ConfigNode route : node.list("routes")) {
            if (route.has("service")) {
                throw route.error("service", "is implied by the service the route is nested in");
            }
            routes.add(route);
            routeService.put(route, name);
        }
    }

    private String serviceName(ConfigNode route, String reference) {
        ConfigNode service = services.get(reference);
        if (service == null) {
            throw route.error("service", "names no service: '" + reference + "'");
        }
        return serviceNames.get(service);
    }

    private void topLevelPlugin(ConfigNode plugin, Map<String, ConfigNode> routesByReference) {
        Optional<String> consumer = plugin.reference("consumer");
        if (consumer.isPresent()) {
            requireConsumerScoped(plugin);
            String username = consumers.get(consumer.get());
            if (username == null) {
                throw plugin.error("consumer", "names no consumer: '" + consumer.get() + "'");
            }
            consumerPlugin(plugin, username, routesByReference);
            return;
        }
        Optional<String> route = plugin.reference("route");
        Optional<String> service = plugin.reference("service");
        if (route.isPresent() && service.isPresent()) {
            throw plugin.error("route", "cannot be set together with service");
        }
        if (route.isPresent()) {
            ConfigNode target = routesByReference.get(route.get());
            if (target == null) {
                throw plugin.error("route", "names no route: '" + route.get() + "'");
            }
            String name = routeName(target).orElseThrow();
            plugin(plugin, "route:" + name, routePlugins.computeIfAbsent(name, key -> new ArrayList<>()));
        } else if (service.isPresent()) {
            ConfigNode target = services.get(service.get());
            if (target == null) {
                throw plugin.error("service", "names no service: '" + service.get() + "'");
            }
            String name = serviceNames.get(target);
            plugin(plugin, "service:" + name, servicePlugins.computeIfAbsent(name, key -> new ArrayList<>()));
        } else {
            plugin(plugin, GLOBAL, global);
        }
    }

    private static void requireConsumerScoped(ConfigNode plugin) {
        if (!plugin.requiredString("name").equals(CONSUMER_SCOPED)) {
            throw plugin.error("name", "only " + CONSUMER_SCOPED + " can apply to one consumer here, got '"
                    + plugin.requiredString("name") + "'");
        }
    }

    /** A plugin for one consumer: only a token limit, on every route or on the route or service it names. */
    private void consumerPlugin(ConfigNode plugin, String username, Map<String, ConfigNode> routesByReference) {
        requireConsumerScoped(plugin);
        Optional<String> route = plugin.reference("route").map(reference -> Optional.ofNullable(
                routesByReference.get(reference)).flatMap(KongDocument::routeName).orElseThrow(() -> plugin.error(
                "route", "names no route: '" + reference + "'")));
        Optional<String> service = plugin.reference("service").map(reference -> Optional.ofNullable(
                services.get(reference)).map(serviceNames::get).orElseThrow(() -> plugin.error("service",
                "names no service: '" + reference + "'")));
        String scope = route.map(name -> "route:" + name + ",").or(() -> service.map(name -> "service:" + name + ","))
                .orElse("") + "consumer:" + username;
        List<Plugin> sameScope = new ArrayList<>(consumerPlugins.stream().map(ConsumerPlugin::plugin)
                .filter(existing -> existing.scope().equals(scope)).toList());
        plugin(plugin, scope, sameScope);
        consumerPlugins.add(new ConsumerPlugin(username, route, service, sameScope.get(sameScope.size() - 1)));
    }

    private static void plugin(ConfigNode node, String scope, List<Plugin> into) {
        if (node.has("consumer") && !scope.contains("consumer:")) {
            throw node.error("consumer", "cannot be set on a plugin nested in a route or service here; put a"
                    + " consumer's plugin in the top-level plugins list (with route or service) or under the consumer");
        }
        node.allowOnly(Set.of("name", "config", "enabled", "id", "tags", "protocols", "instance_name", "route",
                "service", "consumer"), Map.of("ordering", "plugins run in this gateway's fixed order"));
        String name = node.requiredString("name");
        if (into.stream().anyMatch(plugin -> plugin.name().equals(name))) {
            throw node.error("name", "'" + name + "' is already a plugin of " + scope);
        }
        into.add(new Plugin(node, scope));
    }

    static Optional<String> routeName(ConfigNode route) {
        return route.string("name").or(() -> route.string("id"));
    }

    /** The plugins that apply to a route: global, then its service's, then its own, the later replacing by name. */
    private DeclaredRoute declared(ConfigNode route) {
        String name = routeName(route).orElseThrow(() -> route.error("name", "is required (or an id)"));
        List<Plugin> own = new ArrayList<>(routePlugins.getOrDefault(name, List.of()));
        for (ConfigNode plugin : route.list("plugins")) {
            plugin(plugin, "route:" + name, own);
        }
        Map<String, Plugin> applying = new LinkedHashMap<>();
        List<Plugin> fromService = Optional.ofNullable(routeService.get(route))
                .map(service -> servicePlugins.getOrDefault(service, List.of())).orElse(List.of());
        for (List<Plugin> level : List.of(global, fromService, own)) {
            for (Plugin plugin : level) {
                if (plugin.node().bool("enabled").orElse(true)) {
                    applying.put(plugin.name(), plugin);
                } else if (isProxy(plugin.name())) {
                    throw plugin.node().error("enabled", "is false: a route without its ai-proxy plugin has"
                            + " nothing to serve; remove the route instead");
                }
            }
        }
        Map<String, Plugin> consumerLimits = new HashMap<>();
        Map<String, Integer> specificity = new HashMap<>();
        Optional<String> service = Optional.ofNullable(routeService.get(route));
        for (ConsumerPlugin candidate : consumerPlugins) {
            int level = candidate.specificity(name, service);
            if (level >= 0 && level > specificity.getOrDefault(candidate.username(), -1)
                    && candidate.plugin().node().bool("enabled").orElse(true)) {
                specificity.put(candidate.username(), level);
                consumerLimits.put(candidate.username(), candidate.plugin());
            }
        }
        return new DeclaredRoute(route, applying, consumerLimits);
    }

    static boolean isProxy(String pluginName) {
        return pluginName.equals("ai-proxy") || pluginName.equals("ai-proxy-advanced");
    }
}
