package dev.outbound.runtime.connect;

import dev.outbound.OutboundResponse;
import dev.outbound.runtime.proxy.ProxyErrors;

/** A {@code CONNECT} that cannot be taken as one, with the answer it gets before its connection closes. */
final class BadConnectException extends RuntimeException {

    private final transient OutboundResponse answer;

    private BadConnectException(String message, OutboundResponse answer) {
        super(message);
        this.answer = answer;
    }

    static BadConnectException malformed(String message) {
        return new BadConnectException(message, ProxyErrors.badRequest(message));
    }

    static BadConnectException headersTooLarge(int limit) {
        return new BadConnectException("headers too large", ProxyErrors.headersTooLarge(limit));
    }

    OutboundResponse answer() {
        return answer;
    }
}
