package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.app.ClientUpstreams.Upstream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official {@code openai} npm package runs its chat, stream, tool and embedding calls against routes served by
 * Mistral, by Ollama's native API and by an OpenAI-compatible upstream, with their exact token counts in the answers.
 */
class SelfHostedNodeClientsTest {

    @RegisterExtension
    final ClientUpstreams upstreams = new ClientUpstreams();

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void theOpenAiSdkPassesItsChatStreamToolAndEmbeddingCalls(Upstream upstream) throws Exception {
        NodeClients.run(upstreams.gatewayUrl(upstream), NodeClients.expected(upstream.answer, upstream.promptTokens,
                upstream.completionTokens, upstream.chatModel, upstream.embeddingModel, upstream.toolChoice,
                upstream.vectors), 6, "openai.test.mjs");

        switch (upstream) {
            case MISTRAL -> assertThat(upstreams.mistral().requests()).isNotEmpty();
            case OLLAMA -> assertThat(upstreams.ollama().requests()).isNotEmpty()
                    .allSatisfy(body -> assertThat(body.has("user")).isFalse());
            case OPENAI -> assertThat(upstreams.openAi().requests())
                    .filteredOn(body -> body.path("stream").asBoolean(false))
                    .isNotEmpty().allSatisfy(body -> assertThat(body.at("/stream_options/include_usage").asBoolean())
                            .isTrue());
        }
    }
}
