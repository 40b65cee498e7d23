package dev.outbound.runtime.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; the egress guard calls it once per request. */
@FunctionalInterface
public interface Resolver {

  /** Every address of the name, in the order to try them. */
  List<InetAddress> resolve(String name) throws UnknownHostException;

  /** The JVM's resolver (and its cache). */
  static Resolver system() {
    return name -> List.of(InetAddress.getAllByName(name));
  }
}
