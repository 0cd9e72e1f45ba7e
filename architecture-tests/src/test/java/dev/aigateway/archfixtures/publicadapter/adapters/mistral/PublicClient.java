package dev.aigateway.archfixtures.publicadapter.adapters.mistral;

/** An adapter internal left public. */
public final class PublicClient { }
