/** Routes: the route-type table, each route's policy and the upstream target it sends to. */
package dev.aigateway.domain.route;
