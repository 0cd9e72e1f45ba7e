package dev.aigateway.egress;

import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Kong's rules for where a request goes: a target's {@code upstream_url} (or the provider's default base) and
 * {@code upstream_path}. A provider brings only its default base and its path per route type.
 */
public final class UpstreamUrls {

    private UpstreamUrls() { }

    /**
     * The upstream URI for an endpoint. An {@code upstream_url} with a path is used as it is (Kong's meaning); one
     * without a path gets {@code defaultPath}; {@code upstream_path} replaces the path. A URL without a port gets
     * its scheme's (Kong would use 443 even for http).
     */
    public static URI resolve(UpstreamTarget target, URI defaultBase, String defaultPath) {
        URI base = target.upstreamUrl().orElse(defaultBase);
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
                ? defaultPath : base.getRawPath();
        return build(base, target.upstreamPath().orElse(basePath), base.getRawQuery());
    }

    /** {@code path} on the target's host: for endpoints beside the configured one, such as a model list. */
    public static URI onHost(UpstreamTarget target, URI defaultBase, String path) {
        return build(target.upstreamUrl().orElse(defaultBase), path, null);
    }

    /**
     * A {@code preserve} route's upstream: the client's own path and query on the target's host (the path of
     * {@code upstream_url}, if any, is not used).
     */
    public static URI passthrough(UpstreamTarget target, URI defaultBase, String pathAndQuery) {
        return onHost(target, defaultBase, "").resolve(pathAndQuery);
    }

    private static URI build(URI base, String path, String query) {
        try {
            return new URI(base.getScheme(), base.getRawUserInfo(), base.getHost(), portOf(base), path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the upstream URL from " + base + " and " + path, e);
        }
    }

    private static int portOf(URI base) {
        return base.getPort() != -1 ? base.getPort() : "http".equalsIgnoreCase(base.getScheme()) ? 80 : 443;
    }
}
