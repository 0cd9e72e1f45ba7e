package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiEmbeddingMapperTest {
    private static final OpenAiJson JSON = new OpenAiJson(RequestLimits.defaults());

    @Test
    void readsAStringAndAnArrayAsTheSameInputs() {
        EmbeddingRequest single = read("{'model':'mistral-embed','input':'hello'}").request();
        EmbeddingRequest array = read("{'model':'mistral-embed','input':['hello']}").request();

        assertThat(single).isEqualTo(array);
        assertThat(single.inputs()).containsExactly(new TextInput.Text("hello"));
    }

    @Test
    void readsDimensionsEncodingAndCarriesOtherFields() {
        IncomingEmbeddings incoming = read("{'model':'m','input':['a','b'],'dimensions':256,"
                + "'encoding_format':'base64','user':'u','output_dtype':'int8'}");

        assertThat(incoming.base64()).isTrue();
        assertThat(incoming.request()).isEqualTo(new EmbeddingRequest(Optional.of("m"), TextInput.texts(List.of("a", "b")),
                Optional.of(256), Map.of("user", new JsonValue.JsonString("u"),
                "output_dtype", new JsonValue.JsonString("int8"))));
    }

    @Test
    void readsTokenArraysForTheProviderToJudge() {
        assertThat(read("{'model':'m','input':[1,2,3]}").request().inputs())
                .containsExactly(new TextInput.Tokens(List.of(1, 2, 3)));
        assertThat(read("{'model':'m','input':[[1],[2]]}").request().inputs())
                .containsExactly(new TextInput.Tokens(List.of(1)), new TextInput.Tokens(List.of(2)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{'model':'m'}|input",
            "{'model':'m','input':[[1,'x']]}|input[0][1]",
            "{'model':'m','input':['a',3]}|input[1]",
            "{'model':'m','input':[]}|input",
            "{'model':'m','input':'a','encoding_format':'binary'}|encoding_format",
            "{'model':'m','input':'a','dimensions':'big'}|dimensions",
            "{'model':'m','input':['a','b','c','d']}|input"})
    void refusesNamingTheField(String body, String param) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error().param()).contains(param));
    }

    @Test
    void writesFloatsAsNumbersAndBase64AsLittleEndianFloat32() {
        EmbeddingResponse response = new EmbeddingResponse(Optional.of("emb-1"), "mistral-embed",
                List.of(new Embedding(0, EmbeddingVector.of(0.5, -0.25, 0.0123))), Optional.of(new Usage(3, 0, 3)));

        JsonNode floats = OpenAiEmbeddingMapper.toWire(response, false);
        JsonNode base64 = OpenAiEmbeddingMapper.toWire(response, true);

        assertThat(floats.at("/data/0/embedding/2").asDouble()).isEqualTo(0.0123);
        ByteBuffer decoded = ByteBuffer.wrap(Base64.getDecoder().decode(base64.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(decoded.remaining()).isEqualTo(12);
        assertThat(decoded.getFloat()).isEqualTo(0.5f);
        assertThat(decoded.getFloat()).isEqualTo(-0.25f);
        assertThat(decoded.getFloat()).isEqualTo(0.0123f);
        assertThat(floats.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
        assertThat(floats.path("object").asText()).isEqualTo("list");
        assertThat(floats.path("id").asText()).isEqualTo("emb-1");
        assertThat(floats.at("/data/0/object").asText()).isEqualTo("embedding");
    }

    @Test
    void copiesTheProvidersTextOfAVectorAsItIsAndStillEncodesItAsBase64() {
        EmbeddingResponse response = new EmbeddingResponse(Optional.empty(), "mistral-embed", List.of(
                new Embedding(0, EmbeddingVector.ofJsonArray("[0.5,-2.5E-1,1.00]", 3))), Optional.empty());

        String floats = new String(JSON.write(OpenAiEmbeddingMapper.toWire(response, false)), StandardCharsets.UTF_8);
        JsonNode base64 = OpenAiEmbeddingMapper.toWire(response, true);

        assertThat(floats).contains("\"embedding\":[0.5,-2.5E-1,1.00]");
        ByteBuffer decoded = ByteBuffer.wrap(Base64.getDecoder().decode(base64.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(decoded.getFloat()).isEqualTo(0.5f);
        assertThat(decoded.getFloat()).isEqualTo(-0.25f);
        assertThat(decoded.getFloat()).isEqualTo(1.0f);
    }

    private static IncomingEmbeddings read(String singleQuoted) {
        return OpenAiEmbeddingMapper.fromWire(JSON.readObject(singleQuoted.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8)), new RequestLimits(10, 10, 3, 10));
    }
}
