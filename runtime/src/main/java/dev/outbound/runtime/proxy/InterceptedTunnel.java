package dev.outbound.runtime.proxy;

import dev.outbound.host.Authority;
import dev.outbound.runtime.identity.ContainerInstance;

/**
 * Where a request read inside an intercepted HTTPS tunnel comes from: the instance that sent the
 * {@code CONNECT} and the authority it named, which routes every request inside (SPEC §4.1). The
 * tunnel puts it in the context its requests run in; nothing a container sends can.
 */
public record InterceptedTunnel(ContainerInstance instance, Authority authority) {
}
