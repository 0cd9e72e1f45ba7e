package dev.aigateway.adapters.http;

import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.NativeUseCase;
import dev.aigateway.ports.PassthroughUseCase;

/** The core's use cases the HTTP surface calls. */
record UseCases(ChatCompletionUseCase chat, CompletionUseCase completions, EmbeddingUseCase embeddings,
                PassthroughUseCase passthrough, NativeUseCase natives, ModelListUseCase models) { }
