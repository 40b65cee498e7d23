package com.example;

import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Routes the requests of {@link MyApp} containers to its handler methods.
 */
@Generated("dev.outbound.processor.OutboundProcessor")
public final class MyApp_OutboundRoutes implements RouteTable<MyApp> {
    private static final HostMatcher<Route<MyApp>> HOSTS = HostMatcher.<Route<MyApp>>builder()
            .add("my.kv", new Route<>("my.kv", "kv", (app, request, context) -> app.kv(request)))
            .add("*.r2.example", new Route<>("*.r2.example", "r2", (app, request, context) -> app.r2(request, context)))
            .add("10.0.0.0/8", new Route<>("10.0.0.0/8", "r2", (app, request, context) -> app.r2(request, context)))
            .build();

    private static final Route<MyApp> CATCH_ALL = new Route<>("*", "any", (app, request, context) -> app.any(context, request));

    private static final Map<String, NamedRoute<MyApp>> NAMED = Map.ofEntries(
            Map.entry("github", new NamedRoute<>(
                    new Route<>("github", "github", (app, request, context) -> app.github(request, context, githubParams(context.params()))),
                    MyApp_OutboundRoutes::githubParams)),
            Map.entry("echo-params", new NamedRoute<>(
                    new Route<>("echo-params", "echoParams", (app, request, context) -> app.echoParams(context.params())),
                    params -> { })));

    @Override
    public Route<MyApp> forHost(Authority authority) {
        return HOSTS.match(authority);
    }

    @Override
    public Route<MyApp> catchAll() {
        return CATCH_ALL;
    }

    @Override
    public NamedRoute<MyApp> named(String name) {
        return NAMED.get(name);
    }

    @Override
    public Set<String> namedHandlers() {
        return NAMED.keySet();
    }

    private static MyApp.GithubParams githubParams(Params params) {
        return new MyApp.GithubParams(
                params.string("repo"),
                params.require("limit", params.int32("limit")),
                params.bool("draft"),
                params.require("since", params.int64("since")),
                params.float64("ratio"),
                params.stringList("labels"),
                params.stringMap("headers"));
    }
}
