package dev.outbound.runtime.proxy;

import dev.outbound.runtime.identity.ContainerInstance;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * Tells which registered container instance a request comes from, from something the container
 * cannot forge (SPEC §4.2). The shared proxy listener reads issued credentials; a listener or socket
 * that belongs to one instance can imply it without any.
 */
public interface IdentitySource {

    /** The instance, or empty when the request proves none; never decided by a header alone. */
    Optional<ContainerInstance> identify(ServerRequest request);

    /** Whether this listener also takes origin-form requests ({@code GET /k} with {@code Host}). */
    boolean acceptsOriginForm();
}
