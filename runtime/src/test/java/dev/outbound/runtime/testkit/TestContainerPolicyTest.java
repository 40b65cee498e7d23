package dev.outbound.runtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.OutboundResponse;
import dev.outbound.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4.4 through the test kit, on the runtime's test classes: {@code test-app} (internet off,
 * {@code *.evil.test} denied, a static handler for it anyway), {@code open-app} (internet on) and
 * {@code catchall-app} (a static catch-all). Each test shows one step winning over the next.
 */
class TestContainerPolicyTest {

    private final List<String> fetched = new ArrayList<>();
    private OutboundTestKit kit;

    @BeforeEach
    void open() {
        kit = OutboundTestKit.builder()
                .secret("API_TOKEN", "token")
                .fetcher(request -> {
                    fetched.add(request.url());
                    return OutboundResponse.ok("from the origin");
                })
                .build();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    static void assertDenied(OutboundResponse response, String host, String rule) {
        assertEquals(520, response.status());
        assertEquals("denied", response.header("X-Outbound-Error"));
        assertEquals("application/json", response.header("Content-Type"));
        Map<String, Object> json = Json.parseObject(response.text());
        assertEquals("egress_denied", json.get("error"));
        assertEquals(host, json.get("host"));
        assertEquals(rule, json.get("rule"));
        assertTrue(json.get("reason") instanceof String reason && !reason.isEmpty(), json.toString());
    }

    @Test
    void aDenialIsTheServersJson() throws Exception {
        OutboundResponse response = kit.container("test-app").get("http://x.evil.test:8080/path");

        assertEquals(520, response.status());
        assertEquals("denied", response.header("X-Outbound-Error"));
        assertEquals("{\"error\":\"egress_denied\",\"host\":\"x.evil.test\",\"port\":8080,"
                + "\"reason\":\"host matches deniedHosts pattern *.evil.test\",\"rule\":\"deniedHosts:*.evil.test\"}",
                response.text());
    }

    @Test
    void step1DeniedHostsWinOverAMatchingHandler() throws Exception {
        TestContainer app = kit.container("test-app");
        assertDenied(app.get("http://x.evil.test/"), "x.evil.test", "deniedHosts:*.evil.test");

        assertEquals(200, app.get("http://my.kv/k").status());
        app.denyHosts("my.kv");
        assertDenied(app.get("http://my.kv/k"), "my.kv", "deniedHosts:my.kv");
        assertDenied(app.get("http://x.evil.test/"), "x.evil.test", "deniedHosts:*.evil.test");
    }

    @Test
    void step1DeniedHostsWinOverAllowedHosts() throws Exception {
        TestContainer app = kit.container("test-app").allowHosts("*.test");

        assertDenied(app.get("http://x.evil.test/"), "x.evil.test", "deniedHosts:*.evil.test");
    }

    @Test
    void step2AllowedHostsDenyEverythingElse() throws Exception {
        TestContainer app = kit.container("open-app").allowHosts("allowed.test");

        assertDenied(app.get("http://static.test/"), "static.test", "allowedHosts");
        app.allowHosts();
        assertDenied(app.get("http://allowed.test/"), "allowed.test", "allowedHosts");
        assertEquals(List.of(), fetched);
    }

    @Test
    void step3RunTimeHostHandlerWinsOverTheStaticOne() throws Exception {
        TestContainer app = kit.container("open-app");
        assertEquals("static handler", app.get("http://static.test/").text());

        app.useHandler("static.test", "fixed", "{\"n\":1}");

        assertEquals("named handler {\"n\":1}", app.get("http://static.test/").text());
    }

    @Test
    void step4StaticHostHandlerWinsOverTheRunTimeCatchAll() throws Exception {
        TestContainer app = kit.container("catchall-app").useCatchAll("named", "{}");

        assertEquals("static handler", app.get("http://static.test/").text());
        assertEquals("run-time catch-all", app.get("http://other.test/").text());
    }

    @Test
    void step6StaticCatchAllWinsOverAllowedHostsPassthrough() throws Exception {
        TestContainer app = kit.container("catchall-app").allowHosts("*.test");

        assertEquals("static catch-all for other.test", app.get("http://other.test/").text());
        assertEquals(List.of(), fetched);
    }

    @Test
    void step7AllowedHostsPassThroughWithInternetOff() throws Exception {
        TestContainer app = kit.container("test-app").allowHosts("api.example");

        assertEquals("from the origin", app.get("http://api.example/v1?q=1").text());
        assertEquals(List.of("http://api.example/v1?q=1"), fetched);
    }

    @Test
    void step8EnableInternetPassesThrough() throws Exception {
        assertEquals("from the origin", kit.container("open-app").get("http://other.test/").text());
        assertEquals(List.of("http://other.test/"), fetched);
    }

    @Test
    void step9NothingElseAppliesDenies() throws Exception {
        assertDenied(kit.container("test-app").get("http://nowhere.test/"), "nowhere.test", "default");
        assertEquals(List.of(), fetched);
    }

    @Test
    void badOverridesThrowLikeTheAdminApiAndChangeNothing() throws Exception {
        TestContainer app = kit.container("test-app");

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> app.useHandler("my.kv", "nope", "{}"));
        assertTrue(unknown.getMessage().contains("no @OutboundHandler named nope"), unknown.getMessage());
        IllegalArgumentException badParams = assertThrows(IllegalArgumentException.class,
                () -> app.useCatchAll("greet", "{\"who\":1}"));
        assertTrue(badParams.getMessage().contains("params for @OutboundHandler greet rejected"), badParams.getMessage());
        assertThrows(IllegalArgumentException.class, () -> app.allowHosts("not a pattern"));

        assertTrue(app.get("http://my.kv/k").text().startsWith("kv GET"));
        assertDenied(app.get("http://nowhere.test/"), "nowhere.test", "default");
    }

    @Test
    void overridesBelongToOneTestContainer() throws Exception {
        kit.container("test-app").useCatchAll("greet", "{\"who\":\"kit\"}");

        assertDenied(kit.container("test-app").get("http://nowhere.test/"), "nowhere.test", "default");
    }
}
