package dev.outbound.runtime.sandbox;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;

/** {@code sandbox-app}: answers {@code whoami.test} with the instance it was reached as; denies every other host. */
public final class SandboxApp {

    OutboundResponse whoami(OutboundRequest request, OutboundContext context) {
        return OutboundResponse.ok("container=" + context.containerId() + " name=" + context.containerName()
                + " path=" + request.path() + "\n");
    }
}
