package dev.outbound.runtime.proxy;

import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.identity.ContainerRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.Optional;

/**
 * Identity on the shared listener: {@code Proxy-Authorization: Basic id:token}, issued at registration
 * and carried in the proxy URL. Only absolute-form requests are taken, as every proxy client sends them.
 */
public final class ProxyCredentials implements IdentitySource {

    private final ContainerRegistry registry;

    public ProxyCredentials(ContainerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ContainerInstance> identify(Headers requestHeaders) {
        return requestHeaders.first(HeaderNames.PROXY_AUTHORIZATION).flatMap(registry::authenticate);
    }

    @Override
    public boolean acceptsOriginForm() {
        return false;
    }
}
