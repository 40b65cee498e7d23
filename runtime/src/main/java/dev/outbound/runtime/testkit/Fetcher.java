package dev.outbound.runtime.testkit;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import java.io.IOException;

/**
 * Stands in for the network in the test kit: it answers every request a handler passes on with
 * {@code ctx.fetch} and every request the policy passes through to the internet. A test plugs in a
 * lambda that plays the origin and records what reached it.
 */
@FunctionalInterface
public interface Fetcher {

    /** The default: a test that reaches for the network fails, saying how to plug an origin in. */
    Fetcher NO_NETWORK = request -> {
        throw new IllegalStateException("no network in the test kit: " + request
                + " was passed on; set a fetcher with OutboundTestKit.builder().fetcher(request -> ...)");
    };

    OutboundResponse fetch(OutboundRequest request) throws IOException;
}
