package dev.outbound.runtime.server;

import dev.outbound.runtime.egress.ProxyListeners;
import dev.outbound.runtime.identity.ContainerRegistry;
import dev.outbound.runtime.proxy.InstanceIdentity;
import dev.outbound.runtime.proxy.Proxy;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listeners that each belong to one container instance, where being connected is the identity (SPEC
 * §4.2): a TCP port or a unix socket that only that instance's sandbox can reach. Each is a small
 * Helidon server with the shared proxy mounted on it.
 */
final class InstanceListeners {

    private final Proxy proxy;
    private final ContainerRegistry registry;
    private final ProxyListeners ownListeners;
    private final Duration shutdownGrace;
    private record Listener(WebServer server, SocketAddress address) {
    }

    private final Map<String, Listener> byInstance = new ConcurrentHashMap<>();

    InstanceListeners(Proxy proxy, ContainerRegistry registry, ProxyListeners ownListeners, Duration shutdownGrace) {
        this.proxy = proxy;
        this.registry = registry;
        this.ownListeners = ownListeners;
        this.shutdownGrace = shutdownGrace;
    }

    /** Opens the instance's listener at the address; returns where it is bound (the port when 0 was asked). */
    synchronized SocketAddress open(String instanceId, SocketAddress address) {
        if (byInstance.containsKey(instanceId)) {
            throw new AdminException(AdminException.Kind.CONFLICT, "container " + instanceId + " already has a listener");
        }
        WebServerConfig.Builder builder = WebServer.builder()
                .shutdownHook(false)
                // only the proxy: features found on the class path (health, metrics) belong to the admin
                // listener, and would start a second metrics registry here
                .featuresDiscoverServices(false)
                .shutdownGracePeriod(shutdownGrace)
                .bindAddress(address);
        proxy.configure(builder, new InstanceIdentity(registry, instanceId));
        WebServer server = builder.build().start();
        SocketAddress bound = address instanceof InetSocketAddress inet
                ? new InetSocketAddress(inet.getAddress(), server.port())
                : address;
        byInstance.put(instanceId, new Listener(server, bound));
        if (bound instanceof InetSocketAddress inet) {
            ownListeners.add(inet);
        }
        return bound;
    }

    /** Closes the instance's listener, if it has one. */
    void close(String instanceId) {
        Listener listener = byInstance.remove(instanceId);
        if (listener != null) {
            listener.server().stop();
            if (listener.address() instanceof InetSocketAddress inet) {
                ownListeners.remove(inet);
            }
        }
    }

    void closeAll() {
        byInstance.keySet().forEach(this::close);
    }
}
