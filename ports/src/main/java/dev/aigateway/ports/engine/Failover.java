package dev.aigateway.ports.engine;

import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.engine.balance.TargetPool;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tries a route's targets as its balancer picks them until one answers: on to another only where the route's
 * {@code failover_criteria} say so, never after the client got a byte, and never for a request the upstream received
 * unless {@code non_idempotent} says so.
 */
final class Failover {
    private final TargetPools pools;

    Failover(TargetPools pools) {
        this.pools = pools;
    }

    /** One try on one target, with the client's credential and the request's id already applied to it. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(RouteTarget target, UpstreamTarget upstream, Served served);
    }

    /**
     * @param requestedModel the model the request names: when it is some targets' {@code model_alias}, only those
     *     serve it; otherwise the balancer picks among all
     * @param prompt the text a semantic balancer compares with the targets' descriptions
     */
    <T> T run(Route route, RequestContext context, Optional<String> requestedModel, Supplier<String> prompt,
              ExchangeTrace trace, Attempt<T> attempt) {
        TargetPool pool = pools.of(route);
        BalancerSettings balancer = route.balancer();
        String key = balancer.algorithm() == BalancerAlgorithm.SEMANTIC ? prompt.get()
                : balancer.hashOnHeader().map(h -> context.headers().get(h.toLowerCase(Locale.ROOT))).orElse(null);
        Set<Integer> skipped = notAliased(route, requestedModel);
        GatewayException last = null;
        for (int attempts = 1; attempts <= balancer.retries() + 1; attempts++) {
            int index = pool.next(skipped, key);
            if (index < 0) {
                break;
            }
            skipped.add(index);
            RouteTarget target = route.targets().get(index);
            Map<String, String> traceContext = trace.attempting(new Served(target, index, attempts));
            pool.started(index);
            try {
                T result = attempt.run(target, target.upstream().forRequest(context.clientCredential(),
                        context.requestId(), traceContext), trace.served());
                pool.succeeded(index, trace.attemptEnded(true, Optional.empty(), false));
                return result;
            } catch (GatewayException e) {
                Optional<GatewayException> clientsOwn = clientCredentialRejected(e, target, context);
                if (clientsOwn.isPresent()) {
                    // The client's key is at fault, not the target: no breaker, no failover.
                    pool.succeeded(index, trace.attemptEnded(true, Optional.of(clientsOwn.get().error()), false));
                    throw clientsOwn.get();
                }
                boolean delivered = trace.delivered();
                boolean movesOn = !delivered && failsOver(e.error(), balancer);
                pool.failed(index, trace.attemptEnded(false, Optional.of(e.error()), movesOn),
                        delivered ? 0 : retryAfterNanos(e.error()));
                if (!movesOn) {
                    throw e;
                }
                last = e;
            } catch (ClientGoneException e) {
                // The client's leaving says nothing about the target.
                pool.succeeded(index, trace.attemptEnded(true, Optional.empty(), false));
                throw e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw allOut(pool);
    }

    /** The targets that do not answer to the requested model's alias, when some target does; none otherwise. */
    private static Set<Integer> notAliased(Route route, Optional<String> requestedModel) {
        Set<Integer> others = new HashSet<>();
        for (int i = 0; i < route.targets().size(); i++) {
            if (!route.targets().get(i).policy().model().answersTo(requestedModel)) {
                others.add(i);
            }
        }
        return others.size() == route.targets().size() ? new HashSet<>() : others;
    }

    /** An upstream 401 or 403 to the client's own credential, as the client's error. */
    private static Optional<GatewayException> clientCredentialRejected(GatewayException e, RouteTarget target,
                                                                       RequestContext context) {
        if (e.error() instanceof GatewayError.UpstreamRejected rejected
                && (rejected.status() == 401 || rejected.status() == 403)
                && target.upstream().sendsClientCredential(context.clientCredential())) {
            return Optional.of(new GatewayException(new GatewayError.ClientCredentialRejected(rejected.status(),
                    rejected.message()), e));
        }
        return Optional.empty();
    }

    private static boolean failsOver(GatewayError error, BalancerSettings balancer) {
        Set<FailoverCriterion> criteria = balancer.failoverCriteria();
        boolean matches = FailoverCriterion.of(error).filter(criteria::contains).isPresent();
        return matches && (!FailoverCriterion.upstreamReceived(error)
                || criteria.contains(FailoverCriterion.NON_IDEMPOTENT));
    }

    private static long retryAfterNanos(GatewayError error) {
        if (error instanceof GatewayError.UpstreamRejected rejected && rejected.status() == 429) {
            try {
                return rejected.retryAfter().map(value -> Duration.ofSeconds(Long.parseLong(value.trim())).toNanos())
                        .orElse(0L);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static GatewayException allOut(TargetPool pool) {
        long seconds = Math.max(1, Duration.ofNanos(pool.nanosUntilAvailable()).toSeconds());
        return new GatewayException(new GatewayError.UpstreamRejected(503,
                "every target of this route is temporarily out after repeated failures", Optional.empty(),
                Optional.empty(), Optional.of("all_targets_unavailable"), Optional.of(Long.toString(seconds))));
    }
}
