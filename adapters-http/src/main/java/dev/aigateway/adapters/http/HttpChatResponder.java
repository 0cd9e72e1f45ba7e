package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.Served;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Answers a chat-shaped use case (chat, legacy completions) in one OpenAI shape: one JSON body, or a stream of chunks
 * with the optional usage-only chunk and {@code [DONE]}.
 */
final class HttpChatResponder implements ChatResponder {
    private final HttpAnswer answer;
    private final AnswerShape shape;
    private final boolean includeUsage;
    private final ToolCallCounter toolCalls = new ToolCallCounter();
    private SseStream stream;
    private ChatChunk lastChunk;
    private Optional<Usage> usage = Optional.empty();

    /** @param includeUsage OpenAI's {@code stream_options.include_usage}: end with a usage-only chunk */
    HttpChatResponder(HttpAnswer answer, AnswerShape shape, boolean includeUsage) {
        this.answer = answer;
        this.shape = shape;
        this.includeUsage = includeUsage;
    }

    /**
     * Runs a use case with this responder. A failure before the stream started propagates, to be answered with its
     * own status; one after it ends the stream with an error event. However it ends, the stream is released.
     */
    void answer(Consumer<ChatResponder> useCase) {
        answer.upstreamStarted();
        try {
            useCase.accept(this);
        } catch (GatewayException e) {
            if (stream == null) {
                throw e;
            }
            GatewayError error = stream.endingForShutdown() ? new GatewayError.ShuttingDown() : e.error();
            stream.fail(answer.json().write(OpenAiErrors.reply(error).envelope()));
        } catch (ClientGoneException e) {
            // The client left mid-stream: the core has reported it and the provider released the upstream.
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    @Override
    public void complete(ChatResponse response, Served served) {
        answer.sendJson(served, response.model(), shape.whole().apply(response));
    }

    @Override
    public ChunkSink openStream(String model, Served served) {
        stream = answer.openStream(served, model);
        return new ChunkSink() {
            @Override
            public void accept(ChatChunk chunk) {
                send(chunk);
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void end() {
                if (includeUsage && usage.isPresent()) {
                    stream.event(answer.json().write(shape.usageChunk().apply(lastChunk, usage.get())), false);
                }
                stream.done();
            }
        };
    }

    private void send(ChatChunk chunk) {
        lastChunk = chunk;
        answer.relayed(chunk);
        if (chunk.usage().isPresent()) {
            usage = chunk.usage();
        }
        stream.event(answer.json().write(out -> shape.chunk().write(out, chunk, toolCalls, !includeUsage)), false);
    }
}
