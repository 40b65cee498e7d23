package dev.outbound.runtime.testkit;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.Params;
import java.io.IOException;

/** The context a handler gets in the test kit: the instance it serves, and the fetcher as its way out. */
record TestContext(String containerId, String containerName, String containerClass, Params params, Fetcher fetcher)
        implements OutboundContext {

    @Override
    public OutboundResponse fetch(OutboundRequest request) throws IOException {
        return fetcher.fetch(request);
    }
}
