package dev.aigateway.domain.embedding;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable embedding vector; values are kept at the precision the provider sent. A vector read from a JSON
 * answer keeps that answer's array text and reads its numbers only when asked for one: an answer written in the
 * same form copies the text, rather than reading each number into a double and printing it back.
 */
public final class EmbeddingVector {
    /** The provider's JSON array of numbers, e.g. {@code [0.1,-2.5E-3]}; null for a vector built from values. */
    private final String jsonArray;
    private final int dimensions;
    /** Read from {@link #jsonArray} on first use when built from it. */
    private volatile double[] values;

    private EmbeddingVector(String jsonArray, int dimensions, double[] values) {
        this.jsonArray = jsonArray;
        this.dimensions = dimensions;
        this.values = values;
    }

    /** A vector holding a copy of the given values. */
    public static EmbeddingVector of(double... values) {
        return new EmbeddingVector(null, values.length, values.clone());
    }

    /**
     * A vector kept as the JSON array text a provider sent.
     *
     * @param jsonArray a JSON array of {@code dimensions} numbers, as the caller has checked while reading it
     */
    public static EmbeddingVector ofJsonArray(String jsonArray, int dimensions) {
        Objects.requireNonNull(jsonArray, "jsonArray");
        if (dimensions < 0) {
            throw new IllegalArgumentException("dimensions cannot be negative");
        }
        return new EmbeddingVector(jsonArray, dimensions, null);
    }

    public int dimensions() {
        return dimensions;
    }

    public double get(int i) {
        return values()[i];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values().clone();
    }

    /** The JSON array text the provider sent, when the vector was read from one. */
    public Optional<String> jsonArray() {
        return Optional.ofNullable(jsonArray);
    }

    private double[] values() {
        double[] read = values;
        if (read == null) {
            read = parse(jsonArray, dimensions);
            values = read;
        }
        return read;
    }

    private static double[] parse(String jsonArray, int dimensions) {
        double[] parsed = new double[dimensions];
        int start = jsonArray.indexOf('[') + 1;
        for (int i = 0; i < dimensions; i++) {
            int end = jsonArray.indexOf(i == dimensions - 1 ? ']' : ',', start);
            parsed[i] = Double.parseDouble(jsonArray.substring(start, end).strip());
            start = end + 1;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddingVector that && Arrays.equals(values(), that.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return "EmbeddingVector[" + dimensions + " dimensions]";
    }
}
