package dev.outbound.runtime.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirstUseTest {

  @Test
  void manyFirstCallersAtOnceMakeTheValueOnce() throws Exception {
    FirstUse<Object> value = new FirstUse<>("thing");
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> got = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        got.add(
            threads.submit(
                () -> {
                  start.await();
                  return value.get(
                      () -> {
                        made.incrementAndGet();
                        Thread.sleep(20);
                        return new Object();
                      });
                }));
      }
      start.countDown();
      Object first = got.get(0).get();
      for (Future<Object> each : got) {
        assertSame(first, each.get());
      }
    }
    assertEquals(1, made.get());
  }

  @Test
  void aMakerThatFailsIsTriedAgainByTheNextCall() throws Exception {
    FirstUse<String> value = new FirstUse<>("thing");
    assertThrows(
        IOException.class,
        () ->
            value.get(
                () -> {
                  throw new IOException("not yet");
                }));
    assertEquals("made", value.get(() -> "made"));
  }

  @Test
  void closingHandsOverWhatWasMadeAndRefusesToMakeLater() {
    FirstUse<StringBuilder> made = new FirstUse<>("made thing");
    StringBuilder value = made.get(StringBuilder::new);
    made.close(builder -> builder.append("closed"));
    assertEquals("closed", value.toString());

    FirstUse<String> never = new FirstUse<>("unused thing");
    List<String> closedValues = new ArrayList<>();
    never.close(closedValues::add);
    assertEquals(List.of(), closedValues);
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> never.get(() -> "late"));
    assertEquals("unused thing is closed", refused.getMessage());
  }
}
