package dev.aigateway.archfixtures.adapterdep.adapters.http;

import dev.aigateway.archfixtures.adapterdep.adapters.mistral.Egress;

/** An ingress that skips the ports and calls the Mistral adapter. */
final class Ingress {
    String handle() {
        return Egress.send();
    }
}
