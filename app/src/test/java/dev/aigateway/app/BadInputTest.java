package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of bad input gets a quick 4xx in the OpenAI envelope, and nothing reaches Mistral. */
class BadInputTest {
    private static final String KEY = "sk-bad-input-0123456789";
    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .serverSettings("max_headers_bytes: 2048, max_request_line_bytes: 1024, "
                + "limits: { max_messages: 3, max_tools: 2, max_embedding_inputs: 2, max_json_depth: 10 }")
            .routes(mistral -> """
                  - name: small
                    paths: [/small]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          max_request_body_size: 100
                          model: { provider: mistral, options: { upstream_url: "%s" } }
                """.formatted(mistral.baseUri()));

    static Stream<Arguments> bodies() {
        return Stream.of(
                row("malformed JSON", "/v1/chat/completions", "{\"model\":", 400, null),
                row("a non-object body", "/v1/chat/completions", "[1,2,3]", 400, null),
                row("an empty body", "/v1/chat/completions", "", 400, null),
                row("stream as a string", "/v1/chat/completions", "{\"model\":\"m\"," + HI + ",\"stream\":\"true\"}",
                        400, "stream"),
                row("a fractional max_tokens", "/v1/chat/completions", "{\"model\":\"m\"," + HI
                        + ",\"max_tokens\":1.9}", 400, "max_tokens"),
                row("a duplicate key", "/v1/chat/completions", "{\"model\":\"a\",\"model\":\"b\"," + HI + "}", 400,
                        null),
                row("trailing data", "/v1/chat/completions", "{\"model\":\"m\"," + HI + "} {}", 400, null),
                row("nesting beyond the limit", "/v1/chat/completions", "{\"model\":\"m\"," + HI + ",\"x\":"
                        + "[".repeat(20) + "]".repeat(20) + "}", 400, null),
                row("a number beyond limits", "/v1/chat/completions", "{\"model\":\"m\"," + HI + ",\"seed\":"
                        + "1".repeat(150) + "}", 400, null),
                row("a seed beyond 64 bits", "/v1/chat/completions", "{\"model\":\"m\"," + HI + ",\"seed\":"
                        + "1".repeat(30) + "}", 400, "seed"),
                row("too many messages", "/v1/chat/completions", "{\"model\":\"m\",\"messages\":["
                        + "{\"role\":\"user\",\"content\":\"hi\"},".repeat(3) + "{\"role\":\"user\",\"content\":\"x\"}]}",
                        400, "messages"),
                row("too many tools", "/v1/chat/completions", "{\"model\":\"m\"," + HI + ",\"tools\":["
                        + "{\"type\":\"function\",\"function\":{\"name\":\"f\"}},".repeat(2)
                        + "{\"type\":\"function\",\"function\":{\"name\":\"g\"}}]}", 400, "tools"),
                row("too many embedding inputs", "/v1/embeddings", "{\"model\":\"e\",\"input\":[\"a\",\"b\",\"c\"]}",
                        400, "input"),
                row("a temperature Mistral refuses", "/v1/chat/completions", "{\"model\":\"m\"," + HI
                        + ",\"temperature\":1.9}", 400, "temperature"),
                row("a body over the route's limit", "/small", "{\"model\":\"m\"," + HI + ",\"pad\":\""
                        + "x".repeat(200) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void refusesBadBodies(String what, String path, String body, int status, String param) throws Exception {
        HttpResponse<String> response = fixture.http().post(path, body);

        assertEnvelope(response, status, param);
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void refusesInvalidUtf8AndTheSixBytesThatOnceCrashedJackson() throws Exception {
        for (byte[] body : new byte[][] {{0, 0, 0x41, 0, 0, 8}, {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'}}) {
            String answer = RawHttp.exchange(fixture.port(), raw("/v1/chat/completions", "application/json", body));

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"error\":{\"message\":\"");
        }
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void refusesAnotherContentTypeWith415() throws Exception {
        String answer = RawHttp.exchange(fixture.port(), raw("/v1/chat/completions", "text/plain",
                ("{\"model\":\"m\"," + HI + "}").getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).startsWith("HTTP/1.1 415").contains("\"code\":\"unsupported_media_type\"");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void refusesOversizedHeadersAndRequestLinesInTheEnvelope() throws Exception {
        String bigHeader = RawHttp.exchange(fixture.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                + "X-Big: " + "a".repeat(4000) + "\r\nContent-Length: 2\r\n\r\n{}");
        String longLine = RawHttp.exchange(fixture.port(), "POST /v1/chat/completions?" + "q".repeat(3000)
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        String badHeader = RawHttp.exchange(fixture.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                + "Not A Header Line\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(bigHeader).startsWith("HTTP/1.1 400").contains("application/json")
                .contains("\"code\":\"malformed_request\"");
        assertThat(longLine).startsWith("HTTP/1.1 414").contains("\"code\":\"request_line_too_long\"");
        assertThat(badHeader).startsWith("HTTP/1.1 400").contains("\"code\":\"malformed_request\"");
        assertThat(bigHeader + longLine + badHeader).doesNotContain("Exception").doesNotContain("at io.helidon");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    private static byte[] raw(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private static void assertEnvelope(HttpResponse<String> response, int status, String param) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode error = HttpExchanges.error(response);
        assertThat(error.path("message").isTextual()).isTrue();
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").textValue()).isEqualTo(param);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.aigateway");
    }

    private static Arguments row(String what, String path, String body, int status, String param) {
        return Arguments.of(what, path, body, status, param);
    }
}
