package dev.outbound.runtime.sandbox;

import dev.outbound.runtime.server.Admin;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * The route in a server running in this process: the server listens on the sandbox's socket itself, as
 * a listener of the instance, so that being connected is the identity (SPEC §4.2) and the sandbox needs
 * no credentials.
 */
public final class InstanceSocket implements ProxyRoute {

    private final Admin admin;
    private final String instanceId;

    public InstanceSocket(Admin admin, String instanceId) {
        this.admin = admin;
        this.instanceId = instanceId;
    }

    @Override
    public void listen(Path socket) {
        admin.openListener(instanceId, UnixDomainSocketAddress.of(socket));
    }

    @Override
    public String proxyUserInfo() {
        return "";
    }

    /** Nothing to do here: the server closes the instance's listener when the instance is deregistered. */
    @Override
    public void close() {
    }
}
