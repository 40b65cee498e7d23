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
 * The {@link Outer.Inner} container class, found by {@link java.util.ServiceLoader}.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class Outer_Inner_OutboundContainer implements ContainerDefinition<Outer.Inner> {
    private static final StaticPolicy POLICY = new StaticPolicy(true, Optional.empty(), List.of(), false);

    private static final Outer_Inner_OutboundRoutes ROUTES = new Outer_Inner_OutboundRoutes();

    @Override
    public String name() {
        return "inner";
    }

    @Override
    public Class<Outer.Inner> handlerClass() {
        return Outer.Inner.class;
    }

    @Override
    public StaticPolicy policy() {
        return POLICY;
    }

    @Override
    public List<BindingRequirement> bindings() {
        return Outer_Inner_Injector.BINDINGS;
    }

    @Override
    public Outer.Inner newInstance(BindingResolver bindings) {
        return Outer_Inner_Injector.create(bindings);
    }

    @Override
    public RouteTable<Outer.Inner> routes() {
        return ROUTES;
    }
}
