package dev.outbound.runtime.proxy;

import dev.outbound.OutboundResponse;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers what Helidon rejects before any handler runs (malformed request lines and headers,
 * conflicting framing, oversized bodies) with the proxy's own JSON errors. Helidon reports an
 * oversized header block as a plain bad request; SPEC §4.6 wants {@code 431} for it.
 */
final class ProxyDirectHandler implements DirectHandler {

  /**
   * Helidon's message for a header block over {@code max-headers-size} ({@code
   * Http1HeadersParser}).
   */
  static final String HEADERS_TOO_LARGE_MESSAGE = "Header size exceeded";

  private final int maxHeaderBytes;
  private final long maxBodyBytes;

  private ProxyDirectHandler(int maxHeaderBytes, long maxBodyBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** This handler for every kind of event Helidon handles directly. */
  static DirectHandlers all(int maxHeaderBytes, long maxBodyBytes) {
    ProxyDirectHandler handler = new ProxyDirectHandler(maxHeaderBytes, maxBodyBytes);
    DirectHandlers.Builder builder = DirectHandlers.builder();
    for (EventType type : EventType.values()) {
      builder.addHandler(type, handler);
    }
    return builder.build();
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status defaultStatus,
      ServerResponseHeaders responseHeaders,
      String message) {
    OutboundResponse answer = answer(eventType, defaultStatus, message);
    TransportResponse.Builder response =
        TransportResponse.builder()
            .status(Status.create(answer.status()))
            .headers(responseHeaders)
            .keepAlive(false);
    answer.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
    return response.entity(answer.bytes()).build();
  }

  private OutboundResponse answer(EventType eventType, Status status, String message) {
    if (HEADERS_TOO_LARGE_MESSAGE.equals(message)) {
      return ProxyErrors.headersTooLarge(maxHeaderBytes);
    }
    if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
      return ProxyErrors.bodyTooLarge(maxBodyBytes);
    }
    if (status.code() >= 500 && eventType != EventType.HTTP_VERSION_NOT_SUPPORTED) {
      return ProxyErrors.internalError();
    }
    OutboundResponse badRequest =
        ProxyErrors.badRequest(message == null ? status.reasonPhrase() : message);
    // keeps Helidon's 414 and 505 rather than folding them into 400
    return status.code() == 400
        ? badRequest
        : OutboundResponse.builder(status.code())
            .headers(badRequest.headers())
            .body(badRequest.bytes())
            .build();
  }
}
