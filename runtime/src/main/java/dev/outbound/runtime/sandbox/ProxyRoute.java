package dev.outbound.runtime.sandbox;

import java.nio.file.Path;

/** How the proxy comes to take one instance's connections on the unix socket of its sandbox. */
public interface ProxyRoute extends AutoCloseable {

    /** Starts taking the instance's connections at {@code socket}, a path in a directory only its sandbox sees. */
    void listen(Path socket);

    /**
     * The {@code user:password} the sandbox's proxy URL carries, or empty when the socket itself implies
     * the instance and the sandbox needs no credentials.
     */
    String proxyUserInfo();

    /** Stops taking connections on the socket. */
    @Override
    void close();
}
