package dev.aigateway.archfixtures.webclientleak.adapters.http;

import io.helidon.webclient.api.WebClient;

/** An ingress that calls an upstream itself instead of going through a provider. */
final class Outbound {
    WebClient client() {
        return WebClient.builder().build();
    }
}
