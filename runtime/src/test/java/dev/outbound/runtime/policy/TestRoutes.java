package dev.outbound.runtime.policy;

import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A hand-written routing table, as the processor would generate for a container class. */
final class TestRoutes implements RouteTable<Object> {

  private final HostMatcher.Builder<Route<Object>> hosts = HostMatcher.builder();
  private HostMatcher<Route<Object>> hostMatcher;
  private Route<Object> catchAll;
  private final Map<String, NamedRoute<Object>> named = new LinkedHashMap<>();

  TestRoutes host(String pattern, String method) {
    hosts.add(pattern, route(pattern, method));
    return this;
  }

  TestRoutes catchAll(String method) {
    catchAll = route("*", method);
    return this;
  }

  TestRoutes named(String name, String method) {
    return named(name, method, params -> {});
  }

  TestRoutes named(String name, String method, Consumer<Params> paramsCheck) {
    named.put(name, new NamedRoute<>(route(name, method), paramsCheck));
    return this;
  }

  @Override
  public Route<Object> forHost(Authority authority) {
    if (hostMatcher == null) {
      hostMatcher = hosts.build();
    }
    return hostMatcher.match(authority);
  }

  @Override
  public Route<Object> catchAll() {
    return catchAll;
  }

  @Override
  public NamedRoute<Object> named(String name) {
    return named.get(name);
  }

  @Override
  public Set<String> namedHandlers() {
    return named.keySet();
  }

  private static Route<Object> route(String key, String method) {
    return new Route<>(key, method, (target, request, context) -> null);
  }
}
