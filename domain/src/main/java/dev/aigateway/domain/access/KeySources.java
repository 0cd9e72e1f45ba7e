package dev.aigateway.domain.access;

import java.util.Optional;

/** Where an ingress looks for a client's key: its headers, its query parameters and its JSON body's fields. */
public interface KeySources {

    /** The first value of the header of this name (case-insensitive), if the request has one. */
    Optional<String> header(String name);

    /** The first value of the query parameter of this name, if the request has one. */
    Optional<String> query(String name);

    /** The top-level string field of this name in the request's body, if it has one. */
    Optional<String> bodyField(String name);
}
