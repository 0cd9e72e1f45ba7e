package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Embeddings through the running server: one vector per text, whatever the input and encoding forms. */
class EmbeddingsEndToEndTest {
    private static final String KEY = "sk-embeddings-0123456789";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    @Test
    void floatAndBase64AnswersCarryTheSameVectors() throws Exception {
        JsonNode floats = embed("{\"model\":\"mistral-embed\",\"input\":[\"alpha\",\"beta\"]}");
        JsonNode base64 = embed("{\"model\":\"mistral-embed\",\"input\":[\"alpha\",\"beta\"],"
                + "\"encoding_format\":\"base64\"}");

        for (int i = 0; i < 2; i++) {
            List<Float> fromFloats = new ArrayList<>();
            floats.at("/data/" + i + "/embedding").forEach(value -> fromFloats.add(value.floatValue()));
            assertThat(decode(base64.at("/data/" + i + "/embedding").asText())).isEqualTo(fromFloats);
        }
        assertThat(fixture.mistral().requests()).allSatisfy(request ->
                assertThat(request.json().has("encoding_format")).isFalse());
        assertThat(floats.at("/data/1/embedding/3").asDouble()).isEqualTo(FakeMistral.vectorOf("beta", 8)[3]);
    }

    @Test
    void aStringAndAOneElementArrayGiveTheSameVector() throws Exception {
        JsonNode single = embed("{\"model\":\"mistral-embed\",\"input\":\"alpha\"}");
        JsonNode array = embed("{\"model\":\"mistral-embed\",\"input\":[\"alpha\"]}");

        assertThat(single.at("/data/0/embedding")).isEqualTo(array.at("/data/0/embedding"));
        assertThat(single.path("data")).hasSize(1);
    }

    @Test
    void usageAndDimensionsPassThrough() throws Exception {
        JsonNode answer = embed("{\"model\":\"mistral-embed\",\"input\":[\"one two\"],\"dimensions\":4}");

        assertThat(answer.at("/data/0/embedding")).hasSize(4);
        assertThat(fixture.mistral().lastRequest().json().path("output_dimension").asInt()).isEqualTo(4);
        assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(2);
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(2);
    }

    private JsonNode embed(String body) throws Exception {
        HttpResponse<String> response = fixture.http().post("/v1/embeddings", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpExchanges.JSON.readTree(response.body());
    }

    private static List<Float> decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> values = new ArrayList<>();
        while (bytes.hasRemaining()) {
            values.add(bytes.getFloat());
        }
        return values;
    }
}
