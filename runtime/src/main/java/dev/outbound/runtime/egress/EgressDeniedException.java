package dev.outbound.runtime.egress;

import dev.outbound.host.Authority;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The egress guard refused a destination. An {@link IOException} so that {@code ctx.fetch} can pass
 * it on unchanged; the proxy answers with its denial response, not {@code 502}.
 */
public final class EgressDeniedException extends IOException {

  private final transient Authority authority;
  private final transient InetAddress address;
  private final AddressClass addressClass;

  EgressDeniedException(
      Authority authority, InetAddress address, AddressClass addressClass, String reason) {
    super(reason);
    this.authority = authority;
    this.address = address;
    this.addressClass = addressClass;
  }

  /** The destination the request named. */
  public Authority authority() {
    return authority;
  }

  /** The address that was refused. */
  public InetAddress address() {
    return address;
  }

  /** The class of the refused address. */
  public AddressClass addressClass() {
    return addressClass;
  }

  /** Why, and what to write in {@code allowedHosts} to allow it. */
  public String reason() {
    return getMessage();
  }
}
