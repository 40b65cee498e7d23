package dev.outbound.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.runtime.testkit.OutboundTestKit;
import dev.outbound.runtime.testkit.TestContainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code api-gateway}: the {@code bearer} handler, selected at run time, adds the secret on the way out. */
class ApiGatewayTest {

  private final List<OutboundRequest> fetched = new ArrayList<>();
  private OutboundTestKit kit;
  private TestContainer gateway;

  @BeforeEach
  void open() {
    kit = OutboundTestKit.builder()
        .secret("API_TOKEN", "s3cr3t")
        .fetcher(request -> {
          fetched.add(request);
          return OutboundResponse.ok("from the API");
        })
        .build();
    gateway = kit.container(ApiGateway.class);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void theBearerHandlerInjectsTheSecretIntoThePassedOnRequest() throws Exception {
    gateway.useHandler("api.example.com", "bearer", "{}");

    OutboundResponse response = gateway.get("http://api.example.com/user");

    assertEquals("from the API", response.text());
    assertEquals(1, fetched.size());
    assertEquals("http://api.example.com/user", fetched.get(0).url());
    assertEquals("Bearer s3cr3t", fetched.get(0).header("Authorization"));
  }

  @Test
  void theBearerHandlersParamsNameTheHeaderAndScheme() throws Exception {
    gateway.useHandler("api.example.com", "bearer", "{\"header\":\"X-Api-Key\",\"scheme\":\"Token\"}");

    gateway.get("http://api.example.com/user");

    assertEquals("Token s3cr3t", fetched.get(0).header("X-Api-Key"));
    assertNull(fetched.get(0).header("Authorization"));
  }

  @Test
  void otherHostsArePassedOnWithoutTheSecret() throws Exception {
    gateway.useHandler("api.example.com", "bearer", "{}");

    gateway.get("http://elsewhere.example.org/");

    assertEquals("http://elsewhere.example.org/", fetched.get(0).url());
    assertNull(fetched.get(0).header("Authorization"));
  }

  @Test
  void aDeniedHostNeverReachesTheBearerHandler() throws Exception {
    gateway.useHandler("*.example", "bearer", "{}");

    assertEquals(520, gateway.get("http://api.evil.example/").status());
    assertEquals(List.of(), fetched);
  }

  @Test
  void theStatusHostAnswersItself() throws Exception {
    assertEquals("gateway ok\n", gateway.get("http://status.gateway/").text());
    assertEquals(List.of(), fetched);
  }
}
