package dev.aigateway.archfixtures.appdep.app;

/** Composition-root state an adapter should never see. */
public final class Wiring {
    private Wiring() { }

    public static int port() {
        return 8080;
    }
}
