package dev.outbound.runtime.proxy;

import dev.outbound.runtime.identity.ContainerInstance;
import io.helidon.http.Headers;
import java.util.Optional;

/**
 * Tells which registered container instance a request comes from, from something the container
 * cannot forge (SPEC §4.2). The shared proxy listener reads issued credentials; a listener or socket
 * that belongs to one instance can imply it without any.
 */
public interface IdentitySource {

    /** The instance, or empty when a request or CONNECT proves none; never decided by a header alone. */
    Optional<ContainerInstance> identify(Headers requestHeaders);

    /** Whether this listener also takes origin-form requests ({@code GET /k} with {@code Host}). */
    boolean acceptsOriginForm();
}
