package dev.outbound.runtime.proxy;

import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.identity.ContainerRegistry;
import io.helidon.http.Headers;
import java.util.Optional;

/**
 * Identity on a listener that belongs to one instance (a unix socket mounted into its sandbox, say):
 * whoever can reach it is that instance, with no credentials. It takes origin-form requests too, for
 * clients pointed at it directly. Once the instance is deleted the listener proves nobody.
 */
public final class InstanceIdentity implements IdentitySource {

    private final ContainerRegistry registry;
    private final String instanceId;

    public InstanceIdentity(ContainerRegistry registry, String instanceId) {
        this.registry = registry;
        this.instanceId = instanceId;
    }

    @Override
    public Optional<ContainerInstance> identify(Headers requestHeaders) {
        return registry.get(instanceId);
    }

    @Override
    public boolean acceptsOriginForm() {
        return true;
    }
}
