package dev.outbound.runtime.testing;

import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.spi.Handler;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A route table written by hand the way the processor generates one. */
public final class HandWrittenRoutes<T> implements RouteTable<T> {

  private final HostMatcher.Builder<Route<T>> hosts = HostMatcher.builder();
  private final Map<String, NamedRoute<T>> named = new LinkedHashMap<>();
  private HostMatcher<Route<T>> built;
  private Route<T> catchAll;

  public HandWrittenRoutes<T> host(String pattern, String method, Handler<T> handler) {
    hosts.add(pattern, new Route<>(pattern, method, handler));
    return this;
  }

  public HandWrittenRoutes<T> named(
      String name, String method, Consumer<Params> check, Handler<T> handler) {
    named.put(name, new NamedRoute<>(new Route<>(name, method, handler), check));
    return this;
  }

  public HandWrittenRoutes<T> catchAll(String method, Handler<T> handler) {
    catchAll = new Route<>("*", method, handler);
    return this;
  }

  public HandWrittenRoutes<T> build() {
    built = hosts.build();
    return this;
  }

  @Override
  public Route<T> forHost(Authority authority) {
    return built.match(authority);
  }

  @Override
  public Route<T> catchAll() {
    return catchAll;
  }

  @Override
  public NamedRoute<T> named(String name) {
    return named.get(name);
  }

  @Override
  public Set<String> namedHandlers() {
    return named.keySet();
  }
}
