package dev.aigateway.archfixtures.egressprovider.egress;

/** An egress kit that knows one provider's endpoint. */
final class Kit {
    String base() {
        return dev.aigateway.archfixtures.egressprovider.adapters.mistral.MistralBase.URL;
    }
}
