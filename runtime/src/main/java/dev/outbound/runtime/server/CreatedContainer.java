package dev.outbound.runtime.server;

import dev.outbound.runtime.identity.ContainerInstance;

/**
 * A newly registered instance with what the container needs to use the proxy. The token is shown only
 * here: the server keeps a hash of it.
 *
 * @param proxyUrl  {@code http://<id>:<token>@<host>:<port>}, for {@code HTTP_PROXY}
 * @param caCertPem the CA certificate (PEM) that intercepted HTTPS is signed with, for the container to trust
 */
public record CreatedContainer(ContainerInstance instance, String token, String proxyUrl, String caCertPem) {

    @Override
    public String toString() {
        return "CreatedContainer[" + instance.id() + " " + instance.name() + "]";
    }
}
