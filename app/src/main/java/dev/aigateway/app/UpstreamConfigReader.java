package dev.aigateway.app;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTimeouts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads where and how a target reaches its upstream: Kong's {@code upstream_url}, {@code upstream_path} and
 * {@code auth}, and this gateway's timeouts.
 */
final class UpstreamConfigReader {
    private static final String CLOUD_AUTH = "applies to a cloud platform's identity (Azure, GCP, AWS), which no"
            + " provider of this gateway uses";

    private UpstreamConfigReader() { }

    /** {@code upstream_url}: an http(s) URL naming a host. */
    static Optional<URI> url(ConfigNode options) {
        return options.string("upstream_url").map(text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw options.error("upstream_url", "is not a valid URL");
            }
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw options.error("upstream_url", "must start with http:// or https://");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw options.error("upstream_url", "must name a host");
            }
            return uri;
        });
    }

    /** {@code upstream_path}: a path replacing the URL's. */
    static Optional<String> path(ConfigNode options) {
        Optional<String> path = options.string("upstream_path");
        path.filter(p -> !p.startsWith("/")).ifPresent(p -> {
            throw options.error("upstream_path", "must start with '/'");
        });
        return path;
    }

    /** This gateway's addition, in Kong's unit (ms) and with Kong's balancer names where Kong has them. */
    static UpstreamTimeouts timeouts(ConfigNode node) {
        node.allowOnly(Set.of("connect_timeout", "read_timeout", "stream_idle_timeout", "total_timeout"), Map.of());
        UpstreamTimeouts defaults = UpstreamTimeouts.DEFAULTS;
        return new UpstreamTimeouts(millis(node, "connect_timeout", defaults.connect()),
                millis(node, "read_timeout", defaults.firstByte()),
                millis(node, "stream_idle_timeout", defaults.streamIdle()),
                millis(node, "total_timeout", defaults.total()));
    }

    private static Duration millis(ConfigNode node, String field, Duration fallback) {
        long value = node.integer(field).orElse(fallback.toMillis());
        if (value < 1) {
            throw node.error(field, "must be a positive number of milliseconds");
        }
        return Duration.ofMillis(value);
    }

    /** Kong's {@code auth} block: one credential, in a header, a query parameter or a body field. */
    static Optional<UpstreamAuth> auth(ConfigNode auth) {
        Map<String, String> cloudAuth = new HashMap<>();
        List.of("azure_use_managed_identity", "azure_client_id", "azure_client_secret", "azure_tenant_id",
                "gcp_use_service_account", "gcp_service_account_json", "aws_access_key_id",
                "aws_secret_access_key").forEach(field -> cloudAuth.put(field, CLOUD_AUTH));
        auth.allowOnly(Set.of("header_name", "header_value", "param_name", "param_value", "param_location",
                "allow_override"), cloudAuth);
        Optional<UpstreamAuth> header = bothOrNeither(auth, "header_name", "header_value")
                .map(pair -> new UpstreamAuth.Header(pair.name(), pair.value()));
        Optional<UpstreamAuth> param = bothOrNeither(auth, "param_name", "param_value").map(pair -> {
            String location = auth.oneOf("param_location", Set.of("query", "body"))
                    .orElseThrow(() -> auth.error("param_location", "is required with param_name: query or body"));
            return location.equals("query") ? new UpstreamAuth.QueryParam(pair.name(), pair.value())
                    : new UpstreamAuth.BodyParam(pair.name(), pair.value());
        });
        if (header.isPresent() && param.isPresent()) {
            throw auth.error("param_name", "cannot be set together with header_name: configure one credential");
        }
        return header.or(() -> param);
    }

    private record NamedSecret(String name, Secret value) { }

    private static Optional<NamedSecret> bothOrNeither(ConfigNode auth, String nameField, String valueField) {
        Optional<String> name = auth.string(nameField);
        Optional<String> value = auth.string(valueField);
        if (name.isPresent() != value.isPresent()) {
            throw auth.error(name.isPresent() ? valueField : nameField,
                    "is required when " + (name.isPresent() ? nameField : valueField) + " is set");
        }
        return name.map(n -> new NamedSecret(n, Secret.of(value.orElseThrow())));
    }
}
