package dev.outbound.runtime.sandbox;

import java.io.IOException;

/** Where the connections a sandbox makes on its proxy socket are passed on to, attributed to its instance. */
public interface ProxyRoute extends AutoCloseable {

    /** A new connection to the proxy that counts as the instance's until it is closed. */
    Upstream open() throws IOException;

    /**
     * The {@code user:password} the sandbox's proxy URL carries, or empty when the route itself implies
     * the instance and the sandbox needs no credentials.
     */
    String proxyUserInfo();

    @Override
    void close();
}
