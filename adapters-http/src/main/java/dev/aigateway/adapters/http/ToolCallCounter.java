package dev.aigateway.adapters.http;

import java.util.HashMap;
import java.util.Map;

/** Numbers the tool calls of each choice across a stream, since OpenAI's deltas carry a running index. */
final class ToolCallCounter {
    private final Map<Integer, Integer> nextByChoice = new HashMap<>();

    int next(int choice) {
        return nextByChoice.merge(choice, 1, Integer::sum) - 1;
    }
}
