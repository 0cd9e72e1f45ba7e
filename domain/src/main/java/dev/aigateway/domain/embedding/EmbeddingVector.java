package dev.aigateway.domain.embedding;

import java.util.Arrays;

/** An immutable embedding vector; values are kept at the precision the provider sent. */
public final class EmbeddingVector {
    private final double[] values;

    private EmbeddingVector(double[] values) {
        this.values = values;
    }

    /** A vector holding a copy of the given values. */
    public static EmbeddingVector of(double... values) {
        return new EmbeddingVector(values.clone());
    }

    public int dimensions() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddingVector that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "EmbeddingVector[" + values.length + " dimensions]";
    }
}
