package dev.aigateway.app;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a LangChain4j streaming chat to its end and keeps what it streamed. */
final class LangChain4jStreams {

    private LangChain4jStreams() { }

    /** The streamed text, in the order it arrived, and the complete response. */
    record Streamed(String text, ChatResponse response) { }

    static Streamed collect(StreamingChatModel model, List<ChatMessage> messages) throws Exception {
        StringBuilder partial = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(messages, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                partial.append(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(10, TimeUnit.SECONDS);
        return new Streamed(partial.toString(), response);
    }
}
