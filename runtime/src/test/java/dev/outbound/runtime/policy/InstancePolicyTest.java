package dev.outbound.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.Params;
import dev.outbound.host.Authority;
import dev.outbound.host.HostNormalizer;
import dev.outbound.json.JsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstancePolicyTest {

    private static final Params GITHUB_PARAMS = Params.parse("{\"owner\":\"octocat\"}");
    private static final Params FALLBACK_PARAMS = Params.parse("{\"mode\":\"audit\"}");

    /**
     * SPEC §4.4 in order. Each row removes the rule that decided the row before (or adds the one that
     * must win over it), so every adjacent pair of steps is shown in the right order; all rules that
     * are present could decide for x.test.
     */
    static Stream<Arguments> evaluationOrder() {
        return Stream.of(
                row("1 deniedHosts beats every later step", everything().denied("x.test"),
                        Decision.Deny.class, "deniedHosts:x.test"),
                row("1 deniedHosts beats allowedHosts not matching", everything().denied("x.test").allowed("other.test"),
                        Decision.Deny.class, "deniedHosts:x.test"),
                row("2 allowedHosts not matching beats run-time host handler and the rest",
                        everything().allowed("other.test"), Decision.Deny.class, "allowedHosts"),
                row("2 an explicitly empty allowedHosts denies everything", everything().allowed(),
                        Decision.Deny.class, "allowedHosts"),
                row("3 run-time host handler beats static host handler", everything(),
                        Decision.Handle.class, "runtime-handler:github"),
                row("4 static host handler beats run-time catch-all", everything().withoutRuntimeHostHandler(),
                        Decision.Handle.class, "handler:staticHost"),
                row("5 run-time catch-all beats static catch-all",
                        everything().withoutRuntimeHostHandler().withoutStaticHost(),
                        Decision.Handle.class, "runtime-catch-all:fallback"),
                row("6 static catch-all beats allowedHosts passthrough",
                        everything().withoutRuntimeHostHandler().withoutStaticHost().withoutRuntimeCatchAll(),
                        Decision.Handle.class, "catch-all:staticCatchAll"),
                row("7 allowedHosts match beats enableInternet", nothingButLists(),
                        Decision.Internet.class, "allowedHosts:x.test"),
                row("8 enableInternet beats the default", nothingButLists().allowedUnset(),
                        Decision.Internet.class, "enableInternet"),
                row("9 nothing else applies: deny",
                        nothingButLists().allowedUnset().internet(false), Decision.Deny.class, "default"),
                row("7 allowedHosts match passes through with internet off",
                        nothingButLists().internet(false), Decision.Internet.class, "allowedHosts:x.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evaluationOrder")
    void followsTheEvaluationOrder(String step, Setup setup, Class<? extends Decision> kind, String rule) {
        InstancePolicy<Object> policy = setup.compile();

        Decision decision = policy.decide(X_TEST);

        assertInstanceOf(kind, decision);
        assertEquals(rule, decision.rule());
        assertSame(decision, policy.decide(X_TEST), "decisions are built once, not per request");
        if (decision instanceof Decision.Handle<?> handle) {
            String expectedParams = switch (rule) {
                case "runtime-handler:github" -> GITHUB_PARAMS.toJson();
                case "runtime-catch-all:fallback" -> FALLBACK_PARAMS.toJson();
                default -> "{}";
            };
            assertEquals(expectedParams, handle.params().toJson());
            assertEquals(rule.substring(rule.indexOf(':') + 1), routeName(handle));
        }
    }

    @Test
    void instanceDenialsAddToTheClassDenials() {
        ClassPolicy classPolicy = new ClassPolicy(true, Optional.empty(), List.of("a.test"), false);
        InstanceOverrides overrides = InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("b.test")));

        InstancePolicy<Object> policy = InstancePolicy.compile(classPolicy, overrides, new TestRoutes());

        assertEquals(new Decision.Deny("deniedHosts:a.test", "host matches deniedHosts pattern a.test"),
                policy.decide(host("a.test")));
        assertEquals("deniedHosts:b.test", policy.decide(host("b.test")).rule());
        assertEquals("enableInternet", policy.decide(host("c.test")).rule());
    }

    @Test
    void instanceAllowedHostsCannotLiftAClassDenial() {
        ClassPolicy classPolicy = new ClassPolicy(true, Optional.empty(), List.of("*.evil.test"), false);
        InstanceOverrides overrides = InstanceOverrides.NONE.withAllowedHosts(Optional.of(List.of("api.evil.test")));

        InstancePolicy<Object> policy = InstancePolicy.compile(classPolicy, overrides, new TestRoutes());

        assertEquals("deniedHosts:*.evil.test", policy.decide(host("api.evil.test")).rule());
    }

    @Test
    void aPatternDeniedByClassAndInstanceCountsOnce() {
        ClassPolicy classPolicy = new ClassPolicy(false, Optional.empty(), List.of("*.Evil.test."), false);
        InstanceOverrides overrides = InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("*.evil.test")));

        InstancePolicy<Object> policy = InstancePolicy.compile(classPolicy, overrides, new TestRoutes());

        assertEquals("deniedHosts:*.evil.test", policy.decide(host("x.evil.test")).rule());
    }

    @Test
    void instanceAllowedHostsReplaceTheClassList() {
        ClassPolicy classPolicy = new ClassPolicy(false, Optional.of(List.of("a.test")), List.of(), false);
        InstanceOverrides overrides = InstanceOverrides.NONE.withAllowedHosts(Optional.of(List.of("b.test")));

        InstancePolicy<Object> policy = InstancePolicy.compile(classPolicy, overrides, new TestRoutes());

        assertEquals("allowedHosts", policy.decide(host("a.test")).rule());
        assertEquals(new Decision.Internet("allowedHosts:b.test"), policy.decide(host("b.test")));
        assertEquals(Optional.of(List.of("b.test")), policy.allowedHosts());
    }

    @Test
    void effectiveAllowedHostsFallBackToTheClassList() {
        ClassPolicy listed = new ClassPolicy(false, Optional.of(List.of("10.0.0.0/8")), List.of(), false);
        ClassPolicy unset = new ClassPolicy(true, Optional.empty(), List.of(), false);

        assertEquals(Optional.of(List.of("10.0.0.0/8")),
                InstancePolicy.compile(listed, InstanceOverrides.NONE, new TestRoutes()).allowedHosts());
        assertEquals(Optional.empty(), InstancePolicy.compile(unset, InstanceOverrides.NONE, new TestRoutes()).allowedHosts());
        assertEquals("allowedHosts:10.0.0.0/8",
                InstancePolicy.compile(listed, InstanceOverrides.NONE, new TestRoutes()).decide(host("10.1.2.3")).rule());
    }

    @Test
    void theMostSpecificRunTimeHostHandlerWins() {
        TestRoutes routes = new TestRoutes().named("wide", "wide").named("narrow", "narrow").named("port", "port");
        InstanceOverrides overrides = InstanceOverrides.NONE
                .withHostHandler("*.example.com", new HandlerSelection("wide", Params.empty()))
                .withHostHandler("api.example.com", new HandlerSelection("narrow", Params.empty()))
                .withHostHandler("api.example.com:8443", new HandlerSelection("port", Params.empty()));

        InstancePolicy<Object> policy = InstancePolicy.compile(NO_CLASS_RULES, overrides, routes);

        assertEquals("runtime-handler:wide", policy.decide(host("www.example.com")).rule());
        assertEquals("runtime-handler:narrow", policy.decide(host("api.example.com")).rule());
        assertEquals("runtime-handler:port", policy.decide(HostNormalizer.normalize("api.example.com", 8443)).rule());
        assertEquals("default", policy.decide(host("example.com")).rule());
    }

    @Test
    void staticHostRoutesAreMatchedByTheTable() {
        TestRoutes routes = new TestRoutes().host("my.kv", "kv").host("*.r2", "r2");

        InstancePolicy<Object> policy = InstancePolicy.compile(NO_CLASS_RULES, InstanceOverrides.NONE, routes);

        Decision.Handle<?> kv = assertInstanceOf(Decision.Handle.class, policy.decide(host("my.kv")));
        assertEquals("handler:kv", kv.rule());
        assertSame(routes.forHost(host("my.kv")), kv.route());
        assertSame(Params.empty(), kv.params());
        assertEquals("handler:r2", policy.decide(host("bucket.r2")).rule());
    }

    @Test
    void interceptHttpsComesFromTheClassPolicy() {
        ClassPolicy intercepting = new ClassPolicy(false, Optional.empty(), List.of(), true);

        assertTrue(InstancePolicy.compile(intercepting, InstanceOverrides.NONE, new TestRoutes()).interceptHttps());
        assertEquals(false, InstancePolicy.compile(NO_CLASS_RULES, InstanceOverrides.NONE, new TestRoutes()).interceptHttps());
    }

    @Test
    void connectToAPortOtherThan443NeedsAnAllowedHostsEntryWithThatPort() {
        ClassPolicy open = new ClassPolicy(true, Optional.of(List.of("api.test", "api.test:8443", "10.0.0.0/8:22")),
                List.of(), false);
        InstancePolicy<Object> policy = InstancePolicy.compile(open, InstanceOverrides.NONE, new TestRoutes());

        assertEquals("allowedHosts:api.test", policy.decideConnect(HostNormalizer.normalize("api.test", 443)).rule());
        assertEquals("allowedHosts:api.test:8443",
                policy.decideConnect(HostNormalizer.normalize("api.test", 8443)).rule());
        assertEquals("allowedHosts:10.0.0.0/8:22",
                policy.decideConnect(HostNormalizer.normalize("10.1.2.3", 22)).rule());
        assertEquals("connect-port", policy.decideConnect(HostNormalizer.normalize("api.test", 8080)).rule());
        assertEquals("allowedHosts:api.test", policy.decide(HostNormalizer.normalize("api.test", 8080)).rule(),
                "plain HTTP to that port is not affected");
    }

    @Test
    void withoutInterceptionOnlyHostsThatMayBePassedOnGetATunnel() {
        TestRoutes routes = new TestRoutes().host("my.kv", "kv").catchAll("any");
        ClassPolicy allowing = new ClassPolicy(false, Optional.of(List.of("my.kv", "api.test")), List.of(), false);
        InstancePolicy<Object> policy = InstancePolicy.compile(allowing, InstanceOverrides.NONE, routes);
        InstancePolicy<Object> intercepting = InstancePolicy.compile(
                new ClassPolicy(false, Optional.empty(), List.of("*.evil.test"), true), InstanceOverrides.NONE, routes);

        assertEquals("allowedHosts:api.test", policy.decideConnect(https("api.test")).rule(),
                "the catch-all cannot see inside a tunnel; the allow list lets it through");
        assertEquals("allowedHosts:my.kv", policy.decideConnect(https("my.kv")).rule());
        assertEquals("allowedHosts", policy.decideConnect(https("other.test")).rule());
        assertEquals("interceptHttps", InstancePolicy.compile(NO_CLASS_RULES, InstanceOverrides.NONE, routes)
                .decideConnect(https("my.kv")).rule(), "a host only a handler serves gets no tunnel");
        assertEquals("handler:kv", intercepting.decideConnect(https("my.kv")).rule());
        assertEquals("deniedHosts:*.evil.test", intercepting.decideConnect(https("x.evil.test")).rule());
    }

    @Test
    void rejectsInvalidPatterns() {
        for (InstanceOverrides overrides : List.of(
                InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("https://evil.test"))),
                InstanceOverrides.NONE.withAllowedHosts(Optional.of(List.of("https://evil.test"))))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InstancePolicy.compile(NO_CLASS_RULES, overrides, new TestRoutes()));
            assertTrue(e.getMessage().startsWith("invalid host pattern \"https://evil.test\""), e.getMessage());
        }
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> InstancePolicy.compile(NO_CLASS_RULES,
                        InstanceOverrides.NONE.withAllowedHosts(Optional.of(List.of("a.test", "A.test"))), new TestRoutes()));
        assertEquals("duplicate host pattern: a.test", duplicate.getMessage());
    }

    @Test
    void rejectsAnUnknownHandlerNamingTheKnownOnes() {
        TestRoutes routes = new TestRoutes().named("s3", "s3").named("github", "github");
        List<InstanceOverrides> unknown = List.of(
                InstanceOverrides.NONE.withCatchAll(Optional.of(new HandlerSelection("gitlab", Params.empty()))),
                InstanceOverrides.NONE.withHostHandler("x.test", new HandlerSelection("gitlab", Params.empty())));

        for (InstanceOverrides overrides : unknown) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InstancePolicy.compile(NO_CLASS_RULES, overrides, routes));
            assertEquals("no @OutboundHandler named gitlab in class " + TestRoutes.class.getName()
                    + "; known: github, s3", e.getMessage());
        }
    }

    @Test
    void rejectsParamsTheHandlerRejects() {
        TestRoutes routes = new TestRoutes().named("github", "github",
                params -> params.require("owner", params.string("owner")));
        InstanceOverrides overrides =
                InstanceOverrides.NONE.withCatchAll(Optional.of(new HandlerSelection("github", Params.empty())));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstancePolicy.compile(NO_CLASS_RULES, overrides, routes));

        assertTrue(e.getMessage().contains("github") && e.getMessage().contains("params.owner is required"),
                e.getMessage());
        assertInstanceOf(JsonException.class, e.getCause());
    }

    // --- fixtures ---

    private static final Authority X_TEST = host("x.test");
    private static final ClassPolicy NO_CLASS_RULES = new ClassPolicy(false, Optional.empty(), List.of(), false);

    private static Arguments row(String step, Setup setup, Class<? extends Decision> kind, String rule) {
        return Arguments.of(step, setup, kind, rule);
    }

    /** Every rule that can decide for x.test, with x.test allowed and not denied. */
    private static Setup everything() {
        return new Setup();
    }

    /** Only the lists and enableInternet: no handler of any kind. */
    private static Setup nothingButLists() {
        return everything().withoutRuntimeHostHandler().withoutStaticHost().withoutRuntimeCatchAll().withoutStaticCatchAll();
    }

    private static Authority host(String host) {
        return HostNormalizer.normalize(host, 80);
    }

    /** A CONNECT target: the host on port 443. */
    private static Authority https(String host) {
        return HostNormalizer.normalize(host, 443);
    }

    private static String routeName(Decision.Handle<?> handle) {
        return handle.rule().startsWith("runtime-") ? handle.route().key() : handle.route().method();
    }

    /** One arrangement of class policy, overrides and routing table; each method takes one rule away. */
    static final class Setup {

        private final List<String> denied = new ArrayList<>();
        private Optional<List<String>> allowed = Optional.of(List.of("x.test"));
        private boolean enableInternet = true;
        private boolean runtimeHostHandler = true;
        private boolean staticHost = true;
        private boolean runtimeCatchAll = true;
        private boolean staticCatchAll = true;

        Setup denied(String pattern) {
            denied.add(pattern);
            return this;
        }

        Setup allowed(String... patterns) {
            allowed = Optional.of(List.of(patterns));
            return this;
        }

        Setup allowedUnset() {
            allowed = Optional.empty();
            return this;
        }

        Setup internet(boolean enabled) {
            enableInternet = enabled;
            return this;
        }

        Setup withoutRuntimeHostHandler() {
            runtimeHostHandler = false;
            return this;
        }

        Setup withoutStaticHost() {
            staticHost = false;
            return this;
        }

        Setup withoutRuntimeCatchAll() {
            runtimeCatchAll = false;
            return this;
        }

        Setup withoutStaticCatchAll() {
            staticCatchAll = false;
            return this;
        }

        InstancePolicy<Object> compile() {
            TestRoutes routes = new TestRoutes().named("github", "github").named("fallback", "fallback");
            if (staticHost) {
                routes.host("x.test", "staticHost");
            }
            if (staticCatchAll) {
                routes.catchAll("staticCatchAll");
            }
            InstanceOverrides overrides = new InstanceOverrides(Optional.empty(), Optional.empty(),
                    runtimeCatchAll ? Optional.of(new HandlerSelection("fallback", FALLBACK_PARAMS)) : Optional.empty(),
                    runtimeHostHandler ? Map.of("x.test", new HandlerSelection("github", GITHUB_PARAMS)) : Map.of());
            ClassPolicy classPolicy = new ClassPolicy(enableInternet, allowed, denied, false);
            return InstancePolicy.compile(classPolicy, overrides, routes);
        }
    }
}
