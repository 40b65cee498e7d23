package dev.outbound.runtime.testing;

import dev.outbound.OutboundResponse;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;

/** What the processor would generate for {@link CatchAllApp}. */
public final class CatchAllAppDefinition implements ContainerDefinition<CatchAllApp> {

  private static final RouteTable<CatchAllApp> ROUTES =
      new HandWrittenRoutes<CatchAllApp>()
          .host(
              "static.test",
              "fixed",
              (app, request, context) -> OutboundResponse.ok("static handler"))
          .named(
              "named",
              "named",
              params -> {},
              (app, request, context) -> OutboundResponse.ok("run-time catch-all"))
          .catchAll(
              "any",
              (app, request, context) ->
                  OutboundResponse.ok("static catch-all for " + request.host()))
          .build();

  @Override
  public String name() {
    return "catchall-app";
  }

  @Override
  public Class<CatchAllApp> handlerClass() {
    return CatchAllApp.class;
  }

  @Override
  public StaticPolicy policy() {
    return new StaticPolicy(false, Optional.empty(), List.of(), false);
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of();
  }

  @Override
  public CatchAllApp newInstance(BindingResolver bindings) {
    return new CatchAllApp();
  }

  @Override
  public RouteTable<CatchAllApp> routes() {
    return ROUTES;
  }
}
