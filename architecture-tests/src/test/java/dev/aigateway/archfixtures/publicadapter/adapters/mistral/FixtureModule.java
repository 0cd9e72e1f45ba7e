package dev.aigateway.archfixtures.publicadapter.adapters.mistral;

/** The one public type an adapter may have: its Dagger module. */
@dagger.Module
public final class FixtureModule {
    private FixtureModule() { }
}
