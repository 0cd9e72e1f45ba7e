package dev.aigateway.archfixtures.publicadapter.adapters.mistral;

/** The one public type an adapter may have: its Dagger module, with the settings records nested in it. */
@dagger.Module
public final class FixtureModule {
    private FixtureModule() { }

    /** The settings the module is configured with: public, as its callers build them. */
    public record Settings(int port) { }
}
