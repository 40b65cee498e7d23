package dev.outbound.runtime.sandbox;

import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.proxy.IdentitySource;
import dev.outbound.runtime.server.OutboundServer;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy listener of one instance in an in-process server: every request on it is that instance's,
 * without credentials (SPEC §4.2). It listens on loopback, where other local processes could reach it
 * too, so only connections this route opened itself count: a request from any other source address
 * gets the {@code 407} of a request without identity.
 */
public final class DedicatedListener implements ProxyRoute, IdentitySource {

    private final ContainerInstance instance;
    private final Set<SocketAddress> ownConnections = ConcurrentHashMap.newKeySet();
    private WebServer webServer;

    private DedicatedListener(ContainerInstance instance) {
        this.instance = instance;
    }

    public static DedicatedListener start(OutboundServer server, ContainerInstance instance) {
        DedicatedListener listener = new DedicatedListener(instance);
        WebServerConfig.Builder builder = WebServer.builder()
                .shutdownHook(false)
                // the server's own listeners carry health and metrics; this one only proxies
                .featuresDiscoverServices(false)
                .host(OutboundConfig.LOOPBACK)
                .port(0)
                .shutdownGracePeriod(server.config().shutdownGrace());
        server.configureProxyListener(builder, listener);
        listener.webServer = builder.build().start();
        return listener;
    }

    @Override
    public Upstream open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            // bound first, so that the source address is known before the proxy can see a request from it
            channel.bind(new InetSocketAddress(OutboundConfig.LOOPBACK, 0));
            SocketAddress source = channel.getLocalAddress();
            ownConnections.add(source);
            channel.connect(new InetSocketAddress(OutboundConfig.LOOPBACK, webServer.port()));
            return new Upstream(channel, () -> ownConnections.remove(source));
        } catch (IOException e) {
            ownConnections.remove(channel.getLocalAddress());
            channel.close();
            throw e;
        }
    }

    @Override
    public String proxyUserInfo() {
        return "";
    }

    @Override
    public Optional<ContainerInstance> identify(ServerRequest request) {
        return ownConnections.contains(request.remotePeer().address()) ? Optional.of(instance) : Optional.empty();
    }

    /** Origin form too ({@code GET /k} with {@code Host}), as a listener of one container takes it (SPEC §4.1). */
    @Override
    public boolean acceptsOriginForm() {
        return true;
    }

    @Override
    public void close() {
        webServer.stop();
    }
}
