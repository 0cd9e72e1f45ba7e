/** Embeddings: requests, vectors and responses. */
package dev.aigateway.domain.embedding;
