package com.example;

import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.ContainerDefinition;
import dev.outbound.spi.RouteTable;
import dev.outbound.spi.StaticPolicy;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The {@link MyApp} container class, found by {@link java.util.ServiceLoader}.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class MyApp_OutboundContainer implements ContainerDefinition<MyApp> {
    private static final StaticPolicy POLICY = new StaticPolicy(false, Optional.of(List.of("my.kv", "*.r2.example", "api.github.com:443")), List.of("*.evil.example"), true);

    private static final MyApp_OutboundRoutes ROUTES = new MyApp_OutboundRoutes();

    @Override
    public String name() {
        return "my-app";
    }

    @Override
    public Class<MyApp> handlerClass() {
        return MyApp.class;
    }

    @Override
    public StaticPolicy policy() {
        return POLICY;
    }

    @Override
    public List<BindingRequirement> bindings() {
        return MyApp_Injector.BINDINGS;
    }

    @Override
    public MyApp newInstance(BindingResolver bindings) {
        return MyApp_Injector.create(bindings);
    }

    @Override
    public RouteTable<MyApp> routes() {
        return ROUTES;
    }
}
