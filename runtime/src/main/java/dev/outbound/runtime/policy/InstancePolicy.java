package dev.outbound.runtime.policy;

import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.host.HostPattern;
import dev.outbound.spi.NamedRoute;
import dev.outbound.spi.Route;
import dev.outbound.spi.RouteTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The egress policy of one container instance, compiled from its class policy, its run-time overrides
 * and its class's routing table. Immutable and thread-safe; rebuilt when the overrides change.
 *
 * <p>{@link #decide} runs for every request, so compiling does the work up front: every pattern is
 * in a {@link HostMatcher} and every decision that does not depend on the request is built once.
 */
public final class InstancePolicy<T> {

    private static final Decision.Deny NOT_ALLOWED = new Decision.Deny("allowedHosts", "host is not in allowedHosts");
    private static final Decision.Deny DEFAULT_DENY = new Decision.Deny("default", "no rule allows this host");
    private static final Decision.Internet ENABLE_INTERNET = new Decision.Internet("enableInternet");
    private static final int HTTPS_PORT = 443;

    private final HostMatcher<Decision.Deny> denied;
    private final HostMatcher<Decision.Internet> allowed;
    /** The allowedHosts entries that name a port: only they open CONNECT to ports other than 443. */
    private final HostMatcher<Decision.Internet> allowedWithPort;
    private final Optional<List<String>> allowedHosts;
    private final HostMatcher<Decision.Handle<T>> runtimeHostHandlers;
    private final RouteTable<T> routes;
    private final Decision.Handle<T> catchAll;
    private final boolean enableInternet;
    private final boolean interceptHttps;
    /** Decisions for static host routes, made on first use: the table cannot list its routes. */
    private final ConcurrentHashMap<Route<T>, Decision.Handle<T>> staticHostDecisions = new ConcurrentHashMap<>();

    private InstancePolicy(ClassPolicy classPolicy, InstanceOverrides overrides, RouteTable<T> routes) {
        this.denied = deniedMatcher(classPolicy.deniedHosts(), overrides.deniedHosts().orElse(List.of()));
        this.allowedHosts = overrides.allowedHosts().or(classPolicy::allowedHosts);
        this.allowed = allowedHosts.map(InstancePolicy::allowedMatcher).orElse(null);
        this.allowedWithPort = allowedMatcher(allowedHosts.orElse(List.of()).stream()
                .filter(text -> HostPattern.parse(text).port() >= 0).toList());
        this.runtimeHostHandlers = runtimeHostHandlers(overrides, routes);
        this.routes = routes;
        this.catchAll = overrides.catchAll()
                .map(selection -> select(routes, selection, "runtime-catch-all:"))
                .orElseGet(() -> staticCatchAll(routes));
        this.enableInternet = classPolicy.enableInternet();
        this.interceptHttps = classPolicy.interceptHttps();
    }

    /**
     * @throws IllegalArgumentException naming an invalid or duplicate pattern, an unknown handler, or
     *                                  params the handler rejects; the admin API answers 400 with it
     */
    public static <T> InstancePolicy<T> compile(ClassPolicy classPolicy, InstanceOverrides overrides,
            RouteTable<T> routes) {
        return new InstancePolicy<>(classPolicy, overrides, routes);
    }

    /** SPEC §4.4: the first of steps 1 to 9 that applies decides. */
    public Decision decide(Authority authority) {
        Decision.Deny deny = denied.match(authority);
        if (deny != null) {
            return deny;
        }
        Decision.Internet allowedMatch = null;
        if (allowed != null) {
            allowedMatch = allowed.match(authority);
            if (allowedMatch == null) {
                return NOT_ALLOWED;
            }
        }
        Decision.Handle<T> runtimeHandler = runtimeHostHandlers.match(authority);
        if (runtimeHandler != null) {
            return runtimeHandler;
        }
        Route<T> hostRoute = routes.forHost(authority);
        if (hostRoute != null) {
            return staticHostDecision(hostRoute);
        }
        if (catchAll != null) {
            return catchAll;
        }
        if (allowedMatch != null) {
            return allowedMatch;
        }
        return enableInternet ? ENABLE_INTERNET : DEFAULT_DENY;
    }

    /**
     * SPEC §4.7 for a {@code CONNECT}, before any tunnel exists: what {@link #decide} says, except that a
     * port other than 443 also needs an allowedHosts entry with that port, and that a tunnel the proxy
     * does not intercept is only opened where passthrough is allowed (steps 7 and 8): a handler cannot
     * see inside it, so a host a handler serves would otherwise reach the internet unhandled.
     */
    public Decision decideConnect(Authority authority) {
        Decision decision = decide(authority);
        if (decision instanceof Decision.Deny) {
            return decision;
        }
        if (authority.port() != HTTPS_PORT && !allowedWithPort.matches(authority)) {
            return new Decision.Deny("connect-port", "CONNECT to port " + authority.port()
                    + " needs an allowedHosts entry with that port, such as " + authority);
        }
        if (interceptHttps || decision instanceof Decision.Internet) {
            return decision;
        }
        Decision.Internet passthrough = allowed != null ? allowed.match(authority)
                : enableInternet ? ENABLE_INTERNET : null;
        return passthrough != null ? passthrough : new Decision.Deny("interceptHttps",
                "host is served by " + decision.rule() + ", which sees HTTPS only when interceptHttps is on");
    }

    public boolean interceptHttps() {
        return interceptHttps;
    }

    /**
     * The effective allowed hosts: the instance's list if set, else the class's. The egress guard lets
     * IP and CIDR entries of it reach addresses it would otherwise refuse.
     */
    public Optional<List<String>> allowedHosts() {
        return allowedHosts;
    }

    private Decision.Handle<T> staticHostDecision(Route<T> route) {
        Decision.Handle<T> decision = staticHostDecisions.get(route);
        if (decision == null) {
            decision = staticHostDecisions.computeIfAbsent(route,
                    r -> new Decision.Handle<>(r, Params.empty(), "handler:" + r.method()));
        }
        return decision;
    }

    /** The class's and the instance's denials together; a pattern in both counts once. */
    private static HostMatcher<Decision.Deny> deniedMatcher(List<String> classDenied, List<String> instanceDenied) {
        Set<HostPattern> patterns = new LinkedHashSet<>();
        Stream.concat(classDenied.stream(), instanceDenied.stream()).map(HostPattern::parse).forEach(patterns::add);
        HostMatcher.Builder<Decision.Deny> builder = HostMatcher.builder();
        for (HostPattern pattern : patterns) {
            builder.add(pattern, new Decision.Deny("deniedHosts:" + pattern.text(),
                    "host matches deniedHosts pattern " + pattern.text()));
        }
        return builder.build();
    }

    private static HostMatcher<Decision.Internet> allowedMatcher(List<String> allowedHosts) {
        HostMatcher.Builder<Decision.Internet> builder = HostMatcher.builder();
        for (String text : allowedHosts) {
            HostPattern pattern = HostPattern.parse(text);
            builder.add(pattern, new Decision.Internet("allowedHosts:" + pattern.text()));
        }
        return builder.build();
    }

    private static <T> HostMatcher<Decision.Handle<T>> runtimeHostHandlers(InstanceOverrides overrides,
            RouteTable<T> routes) {
        HostMatcher.Builder<Decision.Handle<T>> builder = HostMatcher.builder();
        overrides.byHost().forEach((pattern, selection) ->
                builder.add(pattern, select(routes, selection, "runtime-handler:")));
        return builder.build();
    }

    private static <T> Decision.Handle<T> staticCatchAll(RouteTable<T> routes) {
        Route<T> route = routes.catchAll();
        return route == null ? null : new Decision.Handle<>(route, Params.empty(), "catch-all:" + route.method());
    }

    /** The decision for a run-time handler selection, after checking the name and params. */
    private static <T> Decision.Handle<T> select(RouteTable<T> routes, HandlerSelection selection, String rulePrefix) {
        NamedRoute<T> named = routes.named(selection.handler());
        if (named == null) {
            throw new IllegalArgumentException("no @OutboundHandler named " + selection.handler() + " in class "
                    + handlerClassName(routes) + "; known: " + knownHandlers(routes));
        }
        try {
            named.paramsCheck().accept(selection.params());
        } catch (RuntimeException rejected) {
            throw new IllegalArgumentException("params for @OutboundHandler " + selection.handler() + " rejected: "
                    + rejected.getMessage(), rejected);
        }
        return new Decision.Handle<>(named.route(), selection.params(), rulePrefix + named.name());
    }

    /** The container's Java class, read from the generated table's name ({@code MyApp_OutboundRoutes}). */
    private static String handlerClassName(RouteTable<?> routes) {
        String tableName = routes.getClass().getName();
        String suffix = "_OutboundRoutes";
        return tableName.endsWith(suffix) ? tableName.substring(0, tableName.length() - suffix.length()) : tableName;
    }

    private static String knownHandlers(RouteTable<?> routes) {
        List<String> names = routes.namedHandlers().stream().sorted().toList();
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
