package dev.aigateway.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong's key-auth: where a key is found, the Bearer scheme, and what a missing or unknown key gets. */
class KeyAuthTest {
    private static final Consumer TEAM_A = new Consumer("team-a", Set.of("chat"));
    private static final ConsumerKeys KEYS = ConsumerKeys.of(Map.of(Secret.of("key-a"), TEAM_A));

    /** A request's key places, written as {@code place:name=value;...}. */
    private static KeySources request(String spec) {
        Map<String, String> headers = new java.util.HashMap<>();
        Map<String, String> query = new java.util.HashMap<>();
        Map<String, String> body = new java.util.HashMap<>();
        if (spec != null) {
            for (String entry : spec.split(";")) {
                String[] placeAndPair = entry.split(":", 2);
                String[] pair = placeAndPair[1].split("=", 2);
                (switch (placeAndPair[0]) {
                    case "header" -> headers;
                    case "query" -> query;
                    default -> body;
                }).put(pair[0], pair[1]);
            }
        }
        return new KeySources() {
            @Override
            public Optional<String> header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst();
            }

            @Override
            public Optional<String> query(String name) {
                return Optional.ofNullable(query.get(name));
            }

            @Override
            public Optional<String> bodyField(String name) {
                return Optional.ofNullable(body.get(name));
            }
        };
    }

    @ParameterizedTest(name = "{0} in header={1} query={2} body={3}: {4}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "header:apikey=key-a                      | true  | true  | false | team-a",
            "header:Authorization=Bearer key-a        | true  | true  | false | team-a",
            "header:authorization=bearer key-a        | true  | true  | false | team-a",
            "header:Authorization=key-a               | true  | true  | false | team-a",
            "query:apikey=key-a                       | true  | true  | false | team-a",
            "query:apikey=key-a                       | true  | false | false | -",
            "body:apikey=key-a                        | true  | true  | false | -",
            "body:apikey=key-a                        | false | false | true  | team-a",
            "header:apikey=wrong;query:apikey=key-a   | true  | true  | false | -",
            "header:apikey= ;query:apikey=key-a       | true  | true  | false | team-a",
            "header:Authorization=Bearer nope;header:apikey=key-a | true | true | false | -",
    })
    void findsTheKeyByNameThenPlace(String request, boolean inHeader, boolean inQuery, boolean inBody,
                                    String consumer) {
        KeyAuth keyAuth = new KeyAuth(List.of("authorization", "apikey"), inHeader, inQuery, inBody, KEYS);

        if (consumer == null) {
            assertThatThrownBy(() -> keyAuth.authenticate(request(request))).isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).error()).isInstanceOf(GatewayError.Unauthenticated.class);
        } else {
            assertThat(keyAuth.authenticate(request(request)).username()).isEqualTo(consumer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "-                            | no API key found in request; send it as authorization or apikey",
            "header:apikey=key-b          | invalid API key"})
    void aMissingOrUnknownKeyIsA401ThatNamesNoKey(String request, String message) {
        KeyAuth keyAuth = new KeyAuth(List.of("authorization", "apikey"), true, true, false, KEYS);

        assertThatThrownBy(() -> keyAuth.authenticate(request(request))).hasMessage(message);
    }

    @ParameterizedTest(name = "auth={0} override={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-,             false, true",
            "Authorization, false, false",
            "Authorization, true,  true",
            "X-Api-Key,     true,  false"})
    void aRouteThatWouldForwardTheClientsAuthorizationCollides(String header, boolean override, boolean collides) {
        KeyAuth keyAuth = new KeyAuth(List.of("authorization"), true, false, false, KEYS);
        UpstreamTarget target = new UpstreamTarget("mistral", Optional.of(URI.create("http://x")), Optional.empty(),
                Optional.ofNullable(header).map(name -> new UpstreamAuth.Header(name, Secret.of("sk"))), override,
                UpstreamTimeouts.DEFAULTS, ProviderOptions.none());

        assertThat(target.readsClientCredentialWhere(keyAuth)).isEqualTo(collides);
    }
}
