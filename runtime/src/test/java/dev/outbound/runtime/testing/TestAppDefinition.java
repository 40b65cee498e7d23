package dev.outbound.runtime.testing;

import dev.outbound.binding.Secret;
import dev.outbound.json.JsonException;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;

/** What the processor would generate for {@link TestApp}. */
public final class TestAppDefinition implements ContainerDefinition<TestApp> {

  private static final RouteTable<TestApp> ROUTES =
      new HandWrittenRoutes<TestApp>()
          .host("my.kv", "kv", (app, request, context) -> app.kv(request, context))
          .host("slow.test", "slow", (app, request, context) -> app.slow(request))
          .host("boom.test", "boom", (app, request, context) -> app.boom(request))
          .host("down.test", "down", (app, request, context) -> app.down(request))
          .host("echo.test", "echo", (app, request, context) -> app.echo(request))
          .host("small.test", "small", (app, request, context) -> app.small(request))
          .host("empty.test", "noContent", (app, request, context) -> app.noContent(request))
          .host("hops.test", "hops", (app, request, context) -> app.hops(request))
          .host("127.0.0.1", "fetch", (app, request, context) -> app.fetch(request, context))
          .host("*.evil.test", "evil", (app, request, context) -> app.kv(request, context))
          .named(
              "greet",
              "greet",
              params -> {
                if (!(params.asMap().get("who") instanceof String)) {
                  throw new JsonException("params.who must be a string");
                }
              },
              (app, request, context) -> app.greet(request, context, context.params()))
          .build();

  @Override
  public String name() {
    return "test-app";
  }

  @Override
  public Class<TestApp> handlerClass() {
    return TestApp.class;
  }

  @Override
  public StaticPolicy policy() {
    return new StaticPolicy(false, Optional.empty(), List.of("*.evil.test"), false);
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of(
        new BindingRequirement(
            "API_TOKEN", Secret.class, "Secret", "dev.outbound.runtime.testing.TestApp(apiToken)"));
  }

  @Override
  public TestApp newInstance(BindingResolver bindings) {
    return new TestApp(bindings.binding("API_TOKEN", Secret.class));
  }

  @Override
  public RouteTable<TestApp> routes() {
    return ROUTES;
  }
}
