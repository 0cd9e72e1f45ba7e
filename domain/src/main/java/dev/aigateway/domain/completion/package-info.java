/** Text (prompt and suffix) completions, as code models such as Codestral serve them. */
package dev.aigateway.domain.completion;
