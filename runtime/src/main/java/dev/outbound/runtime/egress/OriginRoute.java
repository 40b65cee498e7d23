package dev.outbound.runtime.egress;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * What a kept-alive connection can be reused for: the same vetted address, scheme and host (TLS
 * verified the certificate for that host).
 */
record OriginRoute(InetSocketAddress address, String scheme, String host) {

  boolean isTls() {
    return scheme.equals("https");
  }

  /** {@code https://example.com (93.184.215.14:443)}, for messages. */
  @Override
  public String toString() {
    String ip = address.getAddress().getHostAddress();
    String printed = address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip;
    return scheme + "://" + host + " (" + printed + ":" + address.getPort() + ")";
  }
}
