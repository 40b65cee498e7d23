package dev.outbound.runtime.log;

import dev.outbound.json.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * One egress request, as SPEC §6 asks: who sent it, where to, what decided and how it went.
 *
 * @param decision {@code denied}, {@code handler}, {@code internet}, {@code error}, or {@code
 *     intercepted} for the {@code CONNECT} of an intercepted tunnel (its requests have records of
 *     their own)
 * @param rule the rule that decided, e.g. {@code handler:kv} or {@code deniedHosts:*.evil.example}
 * @param bytesIn request body bytes received from the container
 * @param bytesOut response body bytes sent back to the container
 * @param errorId the id in a 500 response and in the server log, or null
 */
public record EgressRecord(
    Instant time,
    String containerId,
    String containerClass,
    String method,
    String scheme,
    String host,
    int port,
    String path,
    String decision,
    String rule,
    int status,
    long bytesIn,
    long bytesOut,
    long durationMicros,
    String errorId) {

  public EgressRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerClass, "containerClass");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    switch (Objects.requireNonNull(decision, "decision")) {
      case "denied", "handler", "internet", "error", "intercepted" -> {}
      default -> throw new IllegalArgumentException("unknown decision " + decision);
    }
  }

  /** One line of JSON; {@code errorId} is left out when there is none. */
  public String toJson() {
    StringBuilder json = new StringBuilder(256);
    appendJson(json, new InstantText());
    return json.toString();
  }

  /** Appends {@link #toJson()}'s line to {@code json}, with {@code times} formatting the time. */
  void appendJson(StringBuilder json, InstantText times) {
    json.append("{\"time\":\"");
    times.append(time, json);
    json.append("\",\"containerId\":");
    Json.quote(containerId, json);
    json.append(",\"containerClass\":");
    Json.quote(containerClass, json);
    json.append(",\"method\":");
    Json.quote(method, json);
    json.append(",\"scheme\":");
    Json.quote(scheme, json);
    json.append(",\"host\":");
    Json.quote(host, json);
    json.append(",\"port\":").append(port).append(",\"path\":");
    Json.quote(path, json);
    json.append(",\"decision\":");
    Json.quote(decision, json);
    json.append(",\"rule\":");
    Json.quote(rule, json);
    json.append(",\"status\":")
        .append(status)
        .append(",\"bytesIn\":")
        .append(bytesIn)
        .append(",\"bytesOut\":")
        .append(bytesOut)
        .append(",\"durationMicros\":")
        .append(durationMicros);
    if (errorId != null) {
      json.append(",\"errorId\":");
      Json.quote(errorId, json);
    }
    json.append('}');
  }
}
