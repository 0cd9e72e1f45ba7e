package dev.aigateway.archfixtures.adapterdep.adapters.mistral;

/** An egress class another adapter calls directly. */
public final class Egress {
    public static String send() {
        return "sent";
    }
}
