package dev.outbound.runtime.config;

/** Where a listener binds; port 0 picks a free port. */
public record ListenerAddress(String host, int port) {

  public ListenerAddress withPort(int newPort) {
    return new ListenerAddress(host, newPort);
  }
}
