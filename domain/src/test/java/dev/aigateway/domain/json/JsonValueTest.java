package dev.aigateway.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void objectsKeepTheirMemberOrder() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("type", new JsonValue.JsonString("object"));
        members.put("required", new JsonValue.JsonArray(java.util.List.of()));
        members.put("properties", JsonValue.JsonObject.empty());

        assertThat(new JsonValue.JsonObject(members).members().keySet())
                .containsExactly("type", "required", "properties");
    }

    @Test
    void objectsRefuseNullMembers() {
        Map<String, JsonValue> members = new HashMap<>();
        members.put("a", null);

        assertThatThrownBy(() -> new JsonValue.JsonObject(members)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void objectsCannotBeChangedAfterwards() {
        assertThatThrownBy(() -> JsonValue.JsonObject.empty().members().put("a", JsonValue.JsonNull.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
