package dev.outbound.runtime.egress;

import java.net.InetSocketAddress;

/**
 * What a kept-alive connection can be reused for: the same vetted address, scheme and host (TLS
 * verified the certificate for that host).
 */
record OriginRoute(InetSocketAddress address, String scheme, String host) {

    boolean isTls() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return scheme + "://" + host + " (" + address.getAddress().getHostAddress() + ":" + address.getPort() + ")";
    }
}
