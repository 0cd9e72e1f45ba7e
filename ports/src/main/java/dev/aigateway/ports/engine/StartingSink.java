package dev.aigateway.ports.engine;

import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.Served;

/**
 * Opens the client's stream with the first chunk, not before: until then a failed attempt can still move to another
 * target without the client seeing anything. Every chunk is traced on its way.
 */
final class StartingSink implements ChunkSink {
    private final ChatResponder responder;
    private final String model;
    private final Served served;
    private final ExchangeTrace trace;
    private ChunkSink client;

    StartingSink(ChatResponder responder, String model, Served served, ExchangeTrace trace) {
        this.responder = responder;
        this.model = model;
        this.served = served;
        this.trace = trace;
    }

    @Override
    public void accept(ChatChunk chunk) {
        trace.chunk(chunk);
        client().accept(chunk);
    }

    @Override
    public void flush() {
        if (client != null) {
            client.flush();
        }
    }

    /** Ends the client's stream, opening it first when the upstream sent no chunk at all. */
    @Override
    public void end() {
        client().end();
    }

    private ChunkSink client() {
        if (client == null) {
            client = responder.openStream(model, served);
        }
        return client;
    }
}
