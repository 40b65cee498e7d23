package dev.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.host.InvalidHostException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundRequestTest {

  @Test
  void builderNormalisesTheDestination() {
    OutboundRequest request =
        OutboundRequest.builder("GET", "HTTP://My.KV.:8080/some%20key?x=1").build();

    assertEquals("http", request.scheme());
    assertEquals("my.kv", request.host());
    assertEquals(8080, request.port());
    assertEquals("/some%20key", request.path());
    assertEquals(Optional.of("x=1"), request.query());
    assertEquals("some key", request.pathKey());
    assertEquals("http://my.kv:8080/some%20key?x=1", request.url());
  }

  @Test
  void defaultPortsFollowTheScheme() {
    assertEquals(80, OutboundRequest.builder("GET", "http://my.kv").build().port());
    assertEquals(443, OutboundRequest.builder("GET", "https://my.kv/").build().port());
    assertEquals("https://my.kv/", OutboundRequest.builder("GET", "https://my.kv").build().url());
  }

  @Test
  void rejectsUrlsThatAreNotHttp() {
    assertThrows(
        IllegalArgumentException.class, () -> OutboundRequest.builder("GET", "ftp://my.kv/"));
    assertThrows(IllegalArgumentException.class, () -> OutboundRequest.builder("GET", "/relative"));
    assertThrows(
        InvalidHostException.class,
        () -> OutboundRequest.builder("GET", "http://[fe80::1%25eth0]/"));
  }

  @Test
  void withHeaderCopiesAndKeepsTheBody() {
    InputStream body = new ByteArrayInputStream(new byte[] {1, 2, 3});
    OutboundRequest original =
        OutboundRequest.builder("POST", "http://api.example.com/x")
            .header("Authorization", "from-container")
            .body(body, 3)
            .build();

    OutboundRequest injected = original.withHeader("authorization", "Bearer secret");

    assertEquals("Bearer secret", injected.header("Authorization"));
    assertEquals("from-container", original.header("Authorization"));
    assertSame(body, injected.body());
    assertEquals(3, injected.contentLength());
    assertArrayEquals(new byte[] {1, 2, 3}, injected.bytes());
  }

  @Test
  void boundedReadsStopAtTheLimit() {
    OutboundRequest request =
        OutboundRequest.builder("PUT", "http://my.kv/k").body("0123456789").build();

    BodyTooLargeException tooLarge =
        assertThrows(BodyTooLargeException.class, () -> request.bytes(9));
    assertEquals(9, tooLarge.limit());
    assertEquals(
        "héllo", OutboundRequest.builder("PUT", "http://my.kv/k").body("héllo").build().text());
  }

  @Test
  void responsesCarryTextAndJson() {
    OutboundResponse ok = OutboundResponse.ok("hi");
    assertEquals(200, ok.status());
    assertEquals("text/plain; charset=utf-8", ok.header("content-type"));
    assertEquals("hi", ok.text());

    OutboundResponse json = OutboundResponse.json(201, "{}");
    assertEquals("application/json", json.header("Content-Type"));
    assertEquals(2, json.contentLength());
    assertTrue(OutboundResponse.empty(204).text().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> OutboundResponse.empty(42));
    assertEquals(
        "x",
        new String(
            OutboundResponse.stream(
                    200, new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), 1)
                .bytes(),
            StandardCharsets.UTF_8));
  }
}
