package dev.outbound.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesStoreTest {

  private static final String ID = "a".repeat(64);
  private static final String OTHER_ID = "b".repeat(64);

  @TempDir Path dataDir;

  @Test
  void overridesSurviveReopening() throws IOException {
    InstanceOverrides overrides =
        InstanceOverrides.NONE
            .withAllowedHosts(Optional.of(List.of()))
            .withDeniedHosts(Optional.of(List.of("*.evil.test")))
            .withCatchAll(Optional.of(new HandlerSelection("audit", Params.parse("{\"level\":2}"))))
            .withHostHandler(
                "api.github.com",
                new HandlerSelection("github", Params.parse("{\"owner\":\"octocat\"}")));
    OverridesStore.open(dataDir).put(ID, overrides);

    OverridesStore reopened = OverridesStore.open(dataDir);

    InstanceOverrides loaded = reopened.get(ID);
    assertEquals(Optional.of(List.of()), loaded.allowedHosts(), "an explicit empty list stays set");
    assertEquals(Optional.of(List.of("*.evil.test")), loaded.deniedHosts());
    assertEquals("audit", loaded.catchAll().orElseThrow().handler());
    assertEquals(2L, loaded.catchAll().orElseThrow().params().int64("level"));
    assertEquals("octocat", loaded.byHost().get("api.github.com").params().string("owner"));
    assertEquals(OverridesJson.write(overrides), OverridesJson.write(loaded));
    assertSame(InstanceOverrides.NONE, reopened.get(OTHER_ID));
  }

  @Test
  void keepsEachInstancesPolicyInItsOwnPrivateFile() throws IOException {
    OverridesStore.open(dataDir)
        .put(ID, InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("x.test"))));

    Path file = dataDir.resolve("containers").resolve(ID).resolve("policy.json");
    assertEquals("{\"deniedHosts\":[\"x.test\"]}", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void deleteForgetsTheOverridesForGood() throws IOException {
    OverridesStore store = OverridesStore.open(dataDir);
    store.put(ID, InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("x.test"))));
    store.put(OTHER_ID, InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("y.test"))));

    store.delete(ID);

    assertSame(InstanceOverrides.NONE, store.get(ID));
    assertFalse(Files.exists(dataDir.resolve("containers").resolve(ID).resolve("policy.json")));
    OverridesStore reopened = OverridesStore.open(dataDir);
    assertSame(InstanceOverrides.NONE, reopened.get(ID));
    assertEquals(Optional.of(List.of("y.test")), reopened.get(OTHER_ID).deniedHosts());
  }

  @Test
  void concurrentUpdatesAreAllKept() throws Exception {
    OverridesStore store = OverridesStore.open(dataDir);
    HandlerSelection selection = new HandlerSelection("github", Params.empty());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<InstanceOverrides>> updates =
          IntStream.range(0, 20)
              .mapToObj(
                  i ->
                      threads.submit(
                          () ->
                              store.update(
                                  ID, o -> o.withHostHandler("h" + i + ".test", selection))))
              .toList();
      for (Future<InstanceOverrides> update : updates) {
        update.get();
      }
    }

    assertEquals(20, store.get(ID).byHost().size());
    assertEquals(20, OverridesStore.open(dataDir).get(ID).byHost().size());
  }

  @Test
  void aFailedUpdateStoresNothing() throws IOException {
    OverridesStore store = OverridesStore.open(dataDir);
    InstanceOverrides before =
        InstanceOverrides.NONE.withDeniedHosts(Optional.of(List.of("x.test")));
    store.put(ID, before);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            store.update(
                ID,
                o -> {
                  throw new IllegalArgumentException("compiling failed");
                }));

    assertSame(before, store.get(ID));
    assertEquals(
        Optional.of(List.of("x.test")), OverridesStore.open(dataDir).get(ID).deniedHosts());
  }

  @Test
  void refusesIdsThatAreNotContainerIds() throws IOException {
    OverridesStore store = OverridesStore.open(dataDir);

    for (String id : List.of("../../etc", "A".repeat(64), "")) {
      assertThrows(IllegalArgumentException.class, () -> store.put(id, InstanceOverrides.NONE), id);
      assertThrows(IllegalArgumentException.class, () -> store.delete(id), id);
    }
  }

  @Test
  void aCorruptFileStopsOpeningWithItsPath() throws IOException {
    Path file = dataDir.resolve("containers").resolve(ID).resolve("policy.json");
    Files.createDirectories(file.getParent());
    for (String corrupt :
        List.of(
            "[",
            "{\"deniedHost\":[\"x.test\"]}",
            "{\"deniedHosts\":[1]}",
            "{\"outboundByHost\":{\"https://x.test\":{\"handler\":\"a\"}}}",
            "{\"outbound\":{\"params\":{}}}")) {
      Files.writeString(file, corrupt);
      IOException e = assertThrows(IOException.class, () -> OverridesStore.open(dataDir), corrupt);
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }
}
