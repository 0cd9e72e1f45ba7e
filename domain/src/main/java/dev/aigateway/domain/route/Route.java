package dev.aigateway.domain.route;

import java.util.List;
import java.util.Objects;

/**
 * One configured route: the ingress paths it answers, what it serves, its limits, policy and upstream.
 *
 * @param name the route's name from the config, unique, used in logs and errors
 * @param paths the request paths the route answers, as configured
 * @param maxRequestBodyBytes the largest request body accepted (Kong's {@code max_request_body_size})
 * @param modelNameHeader whether answers name {@code provider/model} in a response header
 *     (Kong's {@code model_name_header})
 * @param analytics what the route reports about its traffic
 */
public record Route(String name, List<String> paths, RouteType type, long maxRequestBodyBytes,
                    boolean modelNameHeader, RoutePolicy policy, UpstreamTarget target, RouteAnalytics analytics) {
    /** Kong's default for {@code max_request_body_size} since 3.13: 1 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

    public Route {
        Objects.requireNonNull(name, "name");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one path");
        }
        Objects.requireNonNull(type, "type");
        if (maxRequestBodyBytes <= 0) {
            throw new IllegalArgumentException("route " + name + " needs a positive request body limit");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(analytics, "analytics");
    }
}
