package dev.outbound.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.json.Json;
import dev.outbound.runtime.testkit.OutboundTestKit;
import dev.outbound.runtime.testkit.TestContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code my-app} on its KV namespace, its bucket, and its allow list, through the test kit. */
class MyAppTest {

  private final List<String> fetched = new ArrayList<>();
  private OutboundTestKit kit;
  private TestContainer app;

  @BeforeEach
  void open() {
    kit = OutboundTestKit.builder()
        .kv("KV")
        .bucket("BUCKET")
        .fetcher(request -> {
          fetched.add(request.url());
          return OutboundResponse.ok("from the API");
        })
        .build();
    app = kit.container(MyApp.class);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void kvStoresReadsAndDeletesThePathsKey() throws Exception {
    assertEquals(204, app.put("http://my.kv/greeting", "hello").status());
    assertEquals("hello", kit.kv("KV").getText("greeting").orElseThrow());

    OutboundResponse read = app.get("http://my.kv/greeting");
    assertEquals(200, read.status());
    assertEquals("hello", read.text());

    assertEquals(204, app.delete("http://my.kv/greeting").status());
    assertEquals(404, app.get("http://my.kv/greeting").status());
    assertTrue(kit.kv("KV").get("greeting").isEmpty());
  }

  @Test
  void kvKeyPastTheLimitIsTheContainers400() throws Exception {
    OutboundResponse response = app.put("http://my.kv/" + "k".repeat(513), "value");

    assertEquals(400, response.status());
    assertEquals("binding_limit", Json.parseObject(response.text()).get("error"));
  }

  @Test
  void r2ServesRangesAndConditionalGets() throws Exception {
    OutboundResponse stored = app.send(OutboundRequest.builder("PUT", "http://my.r2/notes.txt")
        .header("Content-Type", "text/plain").body("0123456789").build());
    assertEquals(201, stored.status());
    String etag = stored.header("ETag");
    assertNotNull(etag);

    OutboundResponse whole = app.get("http://my.r2/notes.txt");
    assertEquals(200, whole.status());
    assertEquals("text/plain", whole.header("Content-Type"));
    assertEquals(etag, whole.header("ETag"));
    assertEquals("0123456789", whole.text());

    OutboundResponse part = app.send(get("http://my.r2/notes.txt", "Range", "bytes=2-5"));
    assertEquals(206, part.status());
    assertEquals("bytes 2-5/10", part.header("Content-Range"));
    assertEquals("2345", part.text());

    OutboundResponse unchanged = app.send(get("http://my.r2/notes.txt", "If-None-Match", etag));
    assertEquals(304, unchanged.status());
    assertEquals("", unchanged.text());
    assertEquals(200, app.send(get("http://my.r2/notes.txt", "If-None-Match", "\"other\"")).status());

    assertEquals(416, app.send(get("http://my.r2/notes.txt", "Range", "bytes=20-30")).status());
    assertEquals(204, app.delete("http://my.r2/notes.txt").status());
    assertEquals(404, app.get("http://my.r2/notes.txt").status());
  }

  @Test
  void aHostOutsideAllowedHostsIsDenied() throws Exception {
    OutboundResponse response = app.get("http://example.com/");

    assertEquals(520, response.status());
    assertEquals("denied", response.header("X-Outbound-Error"));
    assertEquals(Map.of("error", "egress_denied", "host", "example.com", "port", 80L,
        "reason", "host is not in allowedHosts", "rule", "allowedHosts"), Json.parseObject(response.text()));
    assertEquals(List.of(), fetched);
  }

  @Test
  void theAllowedApiIsPassedOnByTheCatchAll() throws Exception {
    assertEquals("from the API", app.get("http://api.github.com/repos").text());
    assertEquals(List.of("http://api.github.com/repos"), fetched);
  }

  private static OutboundRequest get(String url, String header, String value) {
    return OutboundRequest.builder("GET", url).header(header, value).build();
  }
}
