package dev.outbound.runtime.testing;

import dev.outbound.OutboundResponse;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;

/** What the processor would generate for {@link OpenApp}, plus a catch-all-free static host. */
public final class OpenAppDefinition implements ContainerDefinition<OpenApp> {

  private static final RouteTable<OpenApp> ROUTES =
      new HandWrittenRoutes<OpenApp>()
          .host(
              "static.test",
              "fixed",
              (app, request, context) -> OutboundResponse.ok("static handler"))
          .named(
              "fixed",
              "fixedNamed",
              params -> {},
              (app, request, context) ->
                  OutboundResponse.ok("named handler " + context.params().toJson()))
          .build();

  @Override
  public String name() {
    return "open-app";
  }

  @Override
  public Class<OpenApp> handlerClass() {
    return OpenApp.class;
  }

  @Override
  public StaticPolicy policy() {
    return new StaticPolicy(true, Optional.empty(), List.of(), false);
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of();
  }

  @Override
  public OpenApp newInstance(BindingResolver bindings) {
    return new OpenApp();
  }

  @Override
  public RouteTable<OpenApp> routes() {
    return ROUTES;
  }
}
