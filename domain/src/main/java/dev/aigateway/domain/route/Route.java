package dev.aigateway.domain.route;

import dev.aigateway.domain.access.RouteAccess;
import java.util.ArrayList;
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
 * @param targets the upstreams the route can send to, at least one
 * @param balancer how it picks among them and fails over
 * @param access who may use it and how much
 * @param matching what else than a path a request needs for the route to take it
 */
public record Route(String name, List<String> paths, RouteType type, long maxRequestBodyBytes,
                    boolean modelNameHeader, List<RouteTarget> targets, BalancerSettings balancer,
                    RouteAccess access, RouteMatching matching) {
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
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one target");
        }
        Objects.requireNonNull(balancer, "balancer");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(matching, "matching");
    }

    /** A route open to anyone who reaches it. */
    public Route(String name, List<String> paths, RouteType type, long maxRequestBodyBytes, boolean modelNameHeader,
                 List<RouteTarget> targets, BalancerSettings balancer) {
        this(name, paths, type, maxRequestBodyBytes, modelNameHeader, targets, balancer, RouteAccess.open(),
                RouteMatching.any());
    }

    /** The request headers the route's rules read: the balancer's hash header and the limit policies' headers. */
    public List<String> headersRead() {
        List<String> names = new ArrayList<>();
        balancer.hashOnHeader().ifPresent(names::add);
        access.allTokenLimits().forEach(limits -> limits.policies().forEach(policy -> policy.match()
                .forEach(condition -> condition.key().ifPresent(names::add))));
        return names;
    }

    /** This route with other access rules. */
    public Route withAccess(RouteAccess newAccess) {
        return new Route(name, paths, type, maxRequestBodyBytes, modelNameHeader, targets, balancer, newAccess,
                matching);
    }

    /** This route with other matching rules. */
    public Route withMatching(RouteMatching newMatching) {
        return new Route(name, paths, type, maxRequestBodyBytes, modelNameHeader, targets, balancer, access,
                newMatching);
    }

    /** A plain {@code ai-proxy} route: one target, which the balancer never leaves. */
    public static Route single(String name, List<String> paths, RouteType type, long maxRequestBodyBytes,
                               boolean modelNameHeader, RoutePolicy policy, UpstreamTarget target,
                               RouteAnalytics analytics) {
        return new Route(name, paths, type, maxRequestBodyBytes, modelNameHeader,
                List.of(RouteTarget.single(policy, target, analytics)),
                BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN));
    }

    /**
     * The first target. Where the ingress needs one answer for the whole route (where to look for a client's
     * credential), it is this target's.
     */
    public RouteTarget primary() {
        return targets.get(0);
    }
}
