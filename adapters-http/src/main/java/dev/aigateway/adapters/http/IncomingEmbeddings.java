package dev.aigateway.adapters.http;

import dev.aigateway.domain.embedding.EmbeddingRequest;

/**
 * A client's embedding request and the encoding it wants the vectors in.
 *
 * @param base64 true for OpenAI's {@code encoding_format: "base64"} (float32, little-endian)
 */
record IncomingEmbeddings(EmbeddingRequest request, boolean base64) { }
