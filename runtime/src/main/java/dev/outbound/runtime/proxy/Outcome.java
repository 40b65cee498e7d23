package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;

/**
 * What the proxy answers to one request and how it came to it, for the egress record.
 *
 * @param response what the container gets
 * @param decision {@code denied}, {@code handler}, {@code internet} or {@code error}
 * @param rule the rule that decided, e.g. {@code handler:kv} or {@code deniedHosts:*.evil.example}
 * @param errorId the id of a logged error, or {@code null}
 * @param closeConnection whether the container's connection must be closed after the answer
 */
record Outcome(
    OutboundResponse response,
    String decision,
    String rule,
    String errorId,
    boolean closeConnection) {

  static final String DENIED = "denied";
  static final String INTERNET = "internet";
  static final String HANDLER = "handler";

  /** The proxy answered itself without a policy outcome, e.g. to an unsupported CONNECT. */
  static final String ERROR = "error";

  Outcome withResponse(OutboundResponse other, String otherErrorId, boolean close) {
    return new Outcome(other, decision, rule, otherErrorId, close);
  }
}
