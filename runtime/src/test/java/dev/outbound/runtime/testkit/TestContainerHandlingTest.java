package dev.outbound.runtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the kit runs handlers: their context, the fetcher as their way out, and what they throw. */
class TestContainerHandlingTest {

    @Test
    void aHandlerSeesTheInstanceItServes() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().secret("API_TOKEN", "token").build()) {
            String answer = kit.container("test-app", "worker-1").get("http://my.kv/key").text();

            assertTrue(answer.startsWith("kv GET http://my.kv/key container=worker-1 class=test-app "), answer);
        }
    }

    @Test
    void ctxFetchGoesToThePluggedFetcher() throws Exception {
        List<OutboundRequest> seen = new ArrayList<>();
        try (OutboundTestKit kit = OutboundTestKit.builder()
                .secret("API_TOKEN", "s3cr3t")
                .fetcher(request -> {
                    seen.add(request);
                    return OutboundResponse.text(201, "origin saw " + request.header("Authorization"));
                })
                .build()) {
            // test-app's handler for 127.0.0.1 passes the request on with the secret injected
            OutboundResponse response = kit.container("test-app").get("http://127.0.0.1/resource");

            assertEquals(201, response.status());
            assertEquals("origin saw Bearer s3cr3t", response.text());
            assertEquals(1, seen.size());
            assertEquals("http://127.0.0.1/resource", seen.get(0).url());
        }
    }

    @Test
    void withoutAFetcherPassingOnFailsLoudly() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().build()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> kit.container("open-app").get("http://other.test/"));

            assertTrue(refused.getMessage().startsWith("no network in the test kit: GET http://other.test/ was passed on;"),
                    refused.getMessage());
        }
    }

    @Test
    void whatAHandlerThrowsReachesTheTest() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().secret("API_TOKEN", "token").build()) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> kit.container("test-app").get("http://boom.test/"));

            assertEquals("secret internal detail", thrown.getMessage());
        }
    }

    @Test
    void whatTheFetcherThrowsReachesTheTest() throws Exception {
        IOException unreachable = new IOException("origin down");
        try (OutboundTestKit kit = OutboundTestKit.builder()
                .secret("API_TOKEN", "token")
                .fetcher(request -> {
                    throw unreachable;
                })
                .build()) {
            assertSame(unreachable, assertThrows(IOException.class,
                    () -> kit.container("test-app").get("http://127.0.0.1/")));
        }
    }

    @Test
    void aBodyPastTheHandlersLimitGetsTheServers413() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().secret("API_TOKEN", "token").build()) {
            TestContainer app = kit.container("test-app");
            assertEquals("read 10 bytes", app.post("http://small.test/", "0123456789").text());

            OutboundResponse tooLarge = app.post("http://small.test/", "0123456789!");

            assertEquals(413, tooLarge.status());
            assertEquals("body-too-large", tooLarge.header("X-Outbound-Error"));
            assertEquals(Map.of("error", "body_too_large", "limit", 10L), Json.parseObject(tooLarge.text()));
        }
    }

    @Test
    void aNullResponseIsAnError() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().fetcher(request -> null).build()) {
            NullPointerException thrown = assertThrows(NullPointerException.class,
                    () -> kit.container("open-app").get("http://other.test/"));

            assertEquals("null instead of an OutboundResponse from enableInternet", thrown.getMessage());
        }
    }

    @Test
    void aNamedHandlerRunsWithItsParams() throws Exception {
        try (OutboundTestKit kit = OutboundTestKit.builder().secret("API_TOKEN", "token").build()) {
            TestContainer app = kit.container("test-app").useHandler("hello.test", "greet", "{\"who\":\"kit\"}");

            assertEquals("hello kit from hello.test", app.get("http://hello.test/").text());
        }
    }
}
