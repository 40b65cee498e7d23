package dev.outbound.runtime.sandbox;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The route to a server running in another process: its admin API gives no listener on a path of ours,
 * so the sandbox's socket is piped to the server's shared listener and the sandbox's proxy URL carries
 * the instance's credentials. The socket is still the sandbox's alone.
 */
public final class SharedListener implements ProxyRoute {

    private final InetSocketAddress proxy;
    private final String userInfo;
    private ProxySocket socket;

    public SharedListener(InetSocketAddress proxy, String userInfo) {
        this.proxy = proxy;
        this.userInfo = userInfo;
    }

    @Override
    public synchronized void listen(Path path) {
        socket = ProxySocket.open(path, proxy);
    }

    @Override
    public String proxyUserInfo() {
        return userInfo;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
