package dev.outbound.runtime.sandbox;

import dev.outbound.runtime.testing.HandWrittenRoutes;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;

/** What the processor would generate for {@link SandboxApp}. */
public final class SandboxAppDefinition implements ContainerDefinition<SandboxApp> {

    private static final RouteTable<SandboxApp> ROUTES = new HandWrittenRoutes<SandboxApp>()
            .host("whoami.test", "whoami", (app, request, context) -> app.whoami(request, context))
            .build();

    @Override
    public String name() {
        return "sandbox-app";
    }

    @Override
    public Class<SandboxApp> handlerClass() {
        return SandboxApp.class;
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
    public SandboxApp newInstance(BindingResolver bindings) {
        return new SandboxApp();
    }

    @Override
    public RouteTable<SandboxApp> routes() {
        return ROUTES;
    }
}
