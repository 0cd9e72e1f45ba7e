package dev.aigateway.archfixtures.cycle.b;

/** The other half of a package cycle. */
public final class B {
    public static Class<?> other() {
        return dev.aigateway.archfixtures.cycle.a.A.class;
    }
}
