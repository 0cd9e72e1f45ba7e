package dev.aigateway.ports;

import dev.aigateway.domain.route.RouteTarget;

/**
 * Which of a route's targets answered a request, and after how many attempts.
 *
 * @param index the target's position in the route's {@code targets}
 * @param attempts 1 when the first target picked answered
 */
public record Served(RouteTarget target, int index, int attempts) { }
