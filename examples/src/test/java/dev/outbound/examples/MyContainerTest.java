package dev.outbound.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.runtime.testkit.OutboundTestKit;
import dev.outbound.runtime.testkit.TestContainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code my-container}: each instance's {@code get-state.do} is its own durable object. */
class MyContainerTest {

  @TempDir
  Path dataDir;

  private OutboundTestKit kit() {
    return OutboundTestKit.builder().dataDir(dataDir).durableObject("MY_CONTAINER", ContainerState.class).build();
  }

  @Test
  void putStoresAndPostReadsTheInstancesState() throws Exception {
    try (OutboundTestKit kit = kit()) {
      TestContainer container = kit.container(MyContainer.class);

      assertEquals(204, container.put("http://get-state.do/color", "blue").status());
      assertEquals("blue", container.post("http://get-state.do/", "color\n").text());
      assertEquals(404, container.post("http://get-state.do/", "size").status());
      assertEquals(405, container.get("http://get-state.do/").status());
    }
  }

  @Test
  void theStateIsTheDurableObjectWithTheInstancesId() throws Exception {
    try (OutboundTestKit kit = kit()) {
      TestContainer container = kit.container(MyContainer.class);
      container.put("http://get-state.do/color", "blue");

      DurableObjectNamespace<?> states = kit.binding("MY_CONTAINER", DurableObjectNamespace.class);
      ContainerState state = (ContainerState) states.get(states.idFromString(container.id()));
      assertEquals("blue", state.getStateForKey("color").orElseThrow());
    }
    try (OutboundTestKit kit = kit()) {
      assertEquals("blue", kit.container(MyContainer.class).post("http://get-state.do/", "color").text(),
          "the same name finds the same state in the same data directory");
    }
  }

  @Test
  void twoInstancesNeverSeeEachOthersState() throws Exception {
    try (OutboundTestKit kit = kit()) {
      TestContainer first = kit.container(MyContainer.class, "first");
      TestContainer second = kit.container(MyContainer.class, "second");

      first.put("http://get-state.do/color", "blue");
      assertEquals(404, second.post("http://get-state.do/", "color").status());

      second.put("http://get-state.do/color", "green");
      assertEquals("blue", first.post("http://get-state.do/", "color").text());
      assertEquals("green", second.post("http://get-state.do/", "color").text());
    }
  }
}
