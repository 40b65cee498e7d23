package dev.outbound.runtime.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The shared proxy listener of a server running in another process: its admin API cannot give a sandbox
 * a listener of its own, so the sandbox's connections go to the shared one and carry the instance's
 * credentials in the proxy URL. Its socket is still the sandbox's alone.
 */
public final class SharedListener implements ProxyRoute {

    private final InetSocketAddress proxy;
    private final String userInfo;

    public SharedListener(InetSocketAddress proxy, String userInfo) {
        this.proxy = proxy;
        this.userInfo = userInfo;
    }

    @Override
    public Upstream open() throws IOException {
        SocketChannel channel = SocketChannel.open(proxy);
        return new Upstream(channel, () -> { });
    }

    @Override
    public String proxyUserInfo() {
        return userInfo;
    }

    @Override
    public void close() {
        // nothing of its own: the server belongs to another process
    }
}
