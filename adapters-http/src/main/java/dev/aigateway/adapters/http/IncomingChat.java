package dev.aigateway.adapters.http;

import dev.aigateway.domain.chat.ChatRequest;

/**
 * A client's chat request and what the client asked of the stream's framing.
 *
 * @param includeUsage OpenAI's {@code stream_options.include_usage}: end the stream with a usage-only chunk
 */
record IncomingChat(ChatRequest request, boolean includeUsage) { }
