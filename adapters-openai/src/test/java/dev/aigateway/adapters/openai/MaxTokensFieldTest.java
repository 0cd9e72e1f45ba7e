package dev.aigateway.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A chat's token limit goes where the upstream takes it: OpenAI's newer name on OpenAI, the older one elsewhere. */
class MaxTokensFieldTest {

    @ParameterizedTest
    @CsvSource({
            "'', max_completion_tokens",
            "https://api.openai.com, max_completion_tokens",
            "https://API.openai.com/v1/chat/completions, max_completion_tokens",
            "http://vllm.internal:8000/v1, max_tokens",
            "http://127.0.0.1:1234, max_tokens"})
    void theFieldFollowsTheUpstream(String upstreamUrl, String field) {
        UpstreamTarget target = new UpstreamTarget("openai", upstreamUrl.isEmpty() ? Optional.empty()
                : Optional.of(URI.create(upstreamUrl)), Optional.empty(), Optional.empty());
        ChatRequest request = ChatRequest.builder().model("gpt-4o-mini").maxTokens(64)
                .message(new Message.User(Content.text("hi"), Optional.empty())).build();

        ObjectNode body = OpenAiRequestMapper.chat(request, OpenAiEndpoints.maxTokensField(target)).body();

        assertThat(body.path(field).asInt()).isEqualTo(64);
        assertThat(body.has(field.equals("max_tokens") ? "max_completion_tokens" : "max_tokens")).isFalse();
    }
}
