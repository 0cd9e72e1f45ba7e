package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong's host and method rules for a route. */
class RouteMatchingTest {

    @ParameterizedTest(name = "hosts {0}, Host {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "'',                          any.example,          true",
            "'',                          -,                    true",
            "api.example.com,             api.example.com,      true",
            "api.example.com,             API.Example.com:8443, true",
            "api.example.com,             web.example.com,      false",
            "api.example.com,             -,                    false",
            "*.example.com,               eu.api.example.com,   true",
            "*.example.com,               example.com,          false",
            "api.example.*,               api.example.org,      true",
            "a.example b.example,         b.example,            true"})
    void takesTheHostsItLists(String hosts, String host, boolean taken) {
        RouteMatching matching = new RouteMatching(List.of(), hosts.isBlank() ? List.of()
                : Arrays.asList(hosts.split(" ")), false, 0);

        assertThat(matching.takesHost(() -> Optional.ofNullable(host))).isEqualTo(taken);
    }

    @ParameterizedTest(name = "methods {0}, {1} -> {2}")
    @CsvSource({"'', DELETE, true", "GET POST, get, true", "GET, POST, false"})
    void takesTheMethodsItLists(String methods, String method, boolean taken) {
        RouteMatching matching = new RouteMatching(methods.isBlank() ? List.of() : Arrays.asList(methods.split(" ")),
                List.of(), false, 0);

        assertThat(matching.takesMethod(method)).isEqualTo(taken);
    }
}
