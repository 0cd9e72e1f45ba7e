/** The gateway's provider-agnostic vocabulary: requests, answers, routes, errors. JDK only. */
module dev.aigateway.domain {
    exports dev.aigateway.domain;
    exports dev.aigateway.domain.access;
    exports dev.aigateway.domain.chat;
    exports dev.aigateway.domain.completion;
    exports dev.aigateway.domain.embedding;
    exports dev.aigateway.domain.error;
    exports dev.aigateway.domain.json;
    exports dev.aigateway.domain.model;
    exports dev.aigateway.domain.passthrough;
    exports dev.aigateway.domain.route;
}
