/** Chat completions: requests, messages, tools, responses and stream chunks. */
package dev.aigateway.domain.chat;
