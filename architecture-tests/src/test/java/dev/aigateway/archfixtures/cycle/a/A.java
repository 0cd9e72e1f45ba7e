package dev.aigateway.archfixtures.cycle.a;

/** Half of a package cycle. */
public final class A {
    public static final Class<?> OTHER = dev.aigateway.archfixtures.cycle.b.B.class;
}
