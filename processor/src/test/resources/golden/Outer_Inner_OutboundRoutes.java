package com.example;

import dev.outbound.host.Authority;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Routes the requests of {@link Outer.Inner} containers to its handler methods.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class Outer_Inner_OutboundRoutes implements RouteTable<Outer.Inner> {
    @Override
    public Route<Outer.Inner> forHost(Authority authority) {
        return null;
    }

    @Override
    public Route<Outer.Inner> catchAll() {
        return null;
    }

    @Override
    public NamedRoute<Outer.Inner> named(String name) {
        return null;
    }

    @Override
    public Set<String> namedHandlers() {
        return Set.of();
    }
}
