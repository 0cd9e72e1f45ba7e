package dev.aigateway.archfixtures.egressprovider.adapters.mistral;

/** A provider's fact the kit should never need. */
public final class MistralBase {
    public static final String URL = new String("https://api.mistral.ai");

    private MistralBase() { }
}
