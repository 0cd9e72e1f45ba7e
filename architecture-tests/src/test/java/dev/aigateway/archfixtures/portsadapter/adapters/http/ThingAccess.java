package dev.aigateway.archfixtures.portsadapter.adapters.http;

/** Lets the planted port reach the adapter. */
public final class ThingAccess {
    private ThingAccess() { }

    public static Class<?> thing() {
        return Thing.class;
    }
}
