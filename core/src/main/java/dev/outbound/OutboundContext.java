package dev.outbound;

import java.io.IOException;

/**
 * What a handler knows about the request beyond the request itself: which container instance sent
 * it, the params it was selected with, and a way to pass a request on.
 */
public interface OutboundContext {

  /** The container instance's id; also a valid durable object id in the namespace of its class. */
  String containerId();

  /** The instance's name, or its id when it was registered without one. */
  String containerName();

  /** The container class name of {@link OutboundContainer#name()}. */
  String containerClass();

  /** The JSON params the admin API selected this handler with; empty when there are none. */
  Params params();

  /**
   * Passes a request on to its real destination through the egress guard (the same one internet
   * passthrough uses). Redirects are returned, not followed.
   *
   * @throws IOException when the destination cannot be reached
   */
  OutboundResponse fetch(OutboundRequest request) throws IOException;
}
