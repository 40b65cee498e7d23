package dev.outbound.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.DurableObjectId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRegistryTest {

  @TempDir Path dataDir;

  @Test
  void registrationsAndCredentialsSurviveReopening() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration named = registry.register("my-app", "build-42");
    Registration unnamed = registry.register("other-app", null);

    ContainerRegistry reopened = ContainerRegistry.open(dataDir);

    assertEquals(List.of(named.instance(), unnamed.instance()), reopened.list());
    assertEquals(Optional.of(named.instance()), reopened.get(named.instance().id()));
    assertEquals(Optional.of(named.instance()), reopened.authenticate(basic(named)));
    assertEquals(Optional.of(unnamed.instance()), reopened.authenticate(basic(unnamed)));
  }

  @Test
  void listsInstancesInCreationOrder() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    List<ContainerInstance> created =
        Stream.of("c", "a", "b").map(name -> registry.register("my-app", name).instance()).toList();

    assertEquals(created, registry.list());
    assertEquals(created, ContainerRegistry.open(dataDir).list());
  }

  @Test
  void storesOnlyAHashOfTheTokenInPrivateFiles() throws Exception {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration registration = registry.register("my-app", "build-42");
    Files.writeString(journal(), "{\"torn", StandardOpenOption.APPEND);
    // Opening after a torn append makes the next registration rewrite the snapshot: both files.
    Registration second = ContainerRegistry.open(dataDir).register("my-app", "build-43");

    String tokenHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(registration.token().getBytes(StandardCharsets.UTF_8)));
    for (Path file : List.of(snapshot(), journal())) {
      String stored = Files.readString(file);
      assertFalse(stored.contains(registration.token()), stored);
      assertFalse(stored.contains(second.token()), stored);
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
          file.toString());
    }
    assertTrue(Files.readString(snapshot()).contains(tokenHash));
    assertFalse(registration.toString().contains(registration.token()), registration.toString());
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    registry.delete(registry.register("my-app", null).instance().id());
    registry.register("my-app", null);
    Files.writeString(journal(), "{", StandardOpenOption.APPEND);
    ContainerRegistry.open(dataDir).register("my-app", null);

    try (Stream<Path> files = Files.list(dataDir)) {
      assertEquals(Set.of(snapshot(), journal()), files.collect(Collectors.toSet()));
    }
  }

  @Test
  void readsARegistryWrittenBeforeTheJournal() throws IOException {
    String token = "old-token";
    String id = ContainerIds.named("my-app", "old");
    Files.writeString(
        snapshot(),
        "{\"containers\":[{\"id\":\""
            + id
            + "\",\"name\":\"old\",\"class\":\"my-app\",\"createdAt\":\"2026-03-26T10:15:30.123Z\","
            + "\"tokenSha256\":\""
            + HexFormat.of().formatHex(ProxyTokens.hash(token))
            + "\"}]}");
    ContainerInstance old =
        new ContainerInstance(id, "old", "my-app", Instant.parse("2026-03-26T10:15:30.123Z"));

    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    assertEquals(List.of(old), registry.list());
    assertEquals(Optional.of(old), registry.authenticate(basic(id, token)));
    assertThrows(IllegalStateException.class, () -> registry.register("other-app", "old"));
    Registration added = registry.register("my-app", "new");

    ContainerRegistry reopened = ContainerRegistry.open(dataDir);
    assertEquals(List.of(old, added.instance()), reopened.list());
    assertTrue(reopened.delete(id));
    assertEquals(List.of(added.instance()), ContainerRegistry.open(dataDir).list());
  }

  @Test
  void manyRegistrationsAndDeletionsReadBackTheSameAndCostNoMoreAsTheyGrow() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    List<Registration> live = new ArrayList<>();
    int changes = 0;
    long journalBytesAppended = 0;
    int snapshotsWritten = 0;
    Object lastSnapshot = snapshotVersion();
    // 300 instances, then 550 rounds of deleting the oldest and registering one: 1,400 changes,
    // past the 300 + 1,000 the journal may hold before the snapshot is rewritten.
    for (int i = 0; i < 850; i++) {
      if (i >= 300) {
        assertTrue(registry.delete(live.removeFirst().instance().id()));
        changes++;
      }
      long journalBefore = size(journal());
      live.add(registry.register("my-app", i % 2 == 0 ? "n" + i : null));
      changes++;
      long journalAfter = size(journal());
      Object snapshot = snapshotVersion();
      if (!snapshot.equals(lastSnapshot)) {
        snapshotsWritten++;
        lastSnapshot = snapshot;
      } else {
        long appended = journalAfter - journalBefore;
        assertTrue(appended > 0 && appended < 400, "one short line per change: " + appended);
        journalBytesAppended += appended;
      }
      assertTrue(Files.readAllLines(journal()).size() <= live.size() + 1001, "journal kept short");
    }

    assertEquals(1, snapshotsWritten, "the snapshot is rewritten once per ~1,000 changes");
    assertTrue(journalBytesAppended < 400L * changes);
    List<ContainerInstance> expected = live.stream().map(Registration::instance).toList();
    assertEquals(expected, registry.list());
    ContainerRegistry reopened = ContainerRegistry.open(dataDir);
    assertEquals(expected, reopened.list());
    for (Registration registration : List.of(live.getFirst(), live.getLast())) {
      assertEquals(
          Optional.of(registration.instance()), reopened.authenticate(basic(registration)));
    }
    assertThrows(IllegalStateException.class, () -> reopened.register("x", "n848"));
    reopened.register("x", "n0"); // deleted long ago: free again
  }

  @Test
  void aTornLastLineIsIgnoredAndWrittenOver() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration a = registry.register("my-app", "a");
    Registration b = registry.register("my-app", "b");
    String whole = Files.readString(journal());
    String secondLine = whole.substring(whole.indexOf('\n') + 1);

    for (String torn :
        List.of(
            secondLine.substring(0, 40),
            secondLine.substring(0, secondLine.length() - 1),
            "\0".repeat(200),
            "\0".repeat(100) + "\n" + "\0".repeat(50) + "\n")) {
      Files.writeString(journal(), whole + torn);
      ContainerRegistry reopened = ContainerRegistry.open(dataDir);
      assertEquals(List.of(a.instance(), b.instance()), reopened.list(), torn);
      Registration c = reopened.register("my-app", "c");
      assertEquals(
          List.of(a.instance(), b.instance(), c.instance()),
          ContainerRegistry.open(dataDir).list());
      assertTrue(ContainerRegistry.open(dataDir).delete(c.instance().id()));
    }
  }

  @Test
  void aDamagedLineBeforeAGoodOneStopsOpeningWithThePath() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    registry.register("my-app", "a");
    registry.register("my-app", "b");
    List<String> lines = Files.readAllLines(journal());
    Files.writeString(journal(), "{\"damaged\n" + lines.get(1) + "\n");

    IOException e = assertThrows(IOException.class, () -> ContainerRegistry.open(dataDir));
    assertTrue(e.getMessage().contains(journal().toString()), e.getMessage());
  }

  @Test
  void changesTheSnapshotAlreadyHoldsAreNotReplayed() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration a = registry.register("my-app", "a");
    Registration b = registry.register("my-app", "b");
    registry.delete(a.instance().id());
    Registration a2 = registry.register("my-app", "a");
    String beforeCompaction = Files.readString(journal());
    Files.writeString(journal(), "{", StandardOpenOption.APPEND);
    Registration c = ContainerRegistry.open(dataDir).register("my-app", "c");
    // As if the compaction that registration did had crashed before emptying the journal.
    Files.writeString(journal(), beforeCompaction + Files.readString(journal()));

    assertEquals(
        List.of(b.instance(), a2.instance(), c.instance()), ContainerRegistry.open(dataDir).list());
  }

  @Test
  void concurrentRegistrationsAreAllKept() throws Exception {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    List<Registration> registrations;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Registration>> futures =
          IntStream.range(0, 50)
              .mapToObj(i -> threads.submit(() -> registry.register("my-app", "n" + i)))
              .toList();
      registrations = new ArrayList<>();
      for (Future<Registration> future : futures) {
        registrations.add(future.get());
      }
    }

    ContainerRegistry reopened = ContainerRegistry.open(dataDir);
    assertEquals(50, reopened.list().size());
    for (Registration registration : registrations) {
      assertEquals(
          Optional.of(registration.instance()), reopened.authenticate(basic(registration)));
    }
  }

  @Test
  void refusesMalformedOrWrongCredentials() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration registration = registry.register("my-app", "build-42");
    String id = registration.instance().id();
    String token = registration.token();

    List<String> refused =
        Arrays.asList(
            null,
            "",
            "Basic",
            "Basic ",
            "Basic !!!not-base64!!!",
            "Bearer " + encode(id + ":" + token),
            "Basic" + encode(id + ":" + token),
            "Basic " + encode(id + token),
            "Basic " + encode(id + ":"),
            "Basic " + encode(id + ":" + token + "x"),
            "Basic " + encode(id + ":" + token.substring(1)),
            "Basic " + encode(id.toUpperCase() + ":" + token),
            "Basic " + encode("0".repeat(64) + ":" + token),
            "Basic " + encode(":" + token),
            "Basic " + encode(token + ":" + id));
    for (String header : refused) {
      assertEquals(Optional.empty(), registry.authenticate(header), String.valueOf(header));
    }
    assertEquals(Optional.of(registration.instance()), registry.authenticate(basic(registration)));
    assertEquals(
        Optional.of(registration.instance()),
        registry.authenticate("basic  " + encode(id + ":" + token)),
        "scheme is case-insensitive");
  }

  @Test
  void oneContainerCannotAuthenticateAsAnother() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration a = registry.register("my-app", "a");
    Registration b = registry.register("my-app", "b");

    assertEquals(
        Optional.empty(),
        registry.authenticate("Basic " + encode(b.instance().id() + ":" + a.token())));
    assertEquals(
        Optional.empty(),
        registry.authenticate("Basic " + encode(a.instance().id() + ":" + b.token())));
    assertEquals(Optional.of(a.instance()), registry.authenticate(basic(a)));
    assertEquals(Optional.of(b.instance()), registry.authenticate(basic(b)));
  }

  @Test
  void namedIdsAreDerivedFromClassAndName() throws Exception {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration first = registry.register("my-app", "build-42");
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("outbound/container/my-app/build-42".getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, first.instance().id());
    assertEquals(
        expected, DurableObjectId.parse(first.instance().id()).toString(), "a durable object id");
    assertEquals("build-42", first.instance().name());

    registry.delete(first.instance().id());
    Registration again = registry.register("my-app", "build-42");
    assertEquals(first.instance().id(), again.instance().id());
    assertNotEquals(first.token(), again.token());
    assertNotEquals(
        first.instance().id(), registry.register("other-app", "build-43").instance().id());
  }

  @Test
  void unnamedInstancesGetRandomIdsAndAreNamedByThem() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    ContainerInstance one = registry.register("my-app", null).instance();
    ContainerInstance two = registry.register("my-app", null).instance();

    assertEquals(one.id(), DurableObjectId.parse(one.id()).toString(), "a durable object id");
    assertEquals(one.id(), one.name());
    assertNotEquals(one.id(), two.id());
  }

  @Test
  void refusesANameThatIsAlreadyRegistered() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    registry.register("my-app", "build-42");

    IllegalStateException sameClass =
        assertThrows(IllegalStateException.class, () -> registry.register("my-app", "build-42"));
    assertEquals("container name already registered: build-42", sameClass.getMessage());
    assertThrows(IllegalStateException.class, () -> registry.register("other-app", "build-42"));
    assertEquals(1, ContainerRegistry.open(dataDir).list().size());
  }

  @Test
  void refusesBlankOrUnprintableNamesAndClasses() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);

    assertThrows(IllegalArgumentException.class, () -> registry.register(" ", null));
    assertThrows(IllegalArgumentException.class, () -> registry.register("my-app", ""));
    assertThrows(IllegalArgumentException.class, () -> registry.register("my-app", "a\nb"));
    assertThrows(
        IllegalArgumentException.class, () -> registry.register("my-app", "x".repeat(129)));
    assertEquals(List.of(), registry.list());
  }

  @Test
  void deletedInstancesDisappearAndTheirCredentialsStopWorking() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration gone = registry.register("my-app", "gone");
    Registration kept = registry.register("my-app", "kept");
    String header = basic(gone);
    assertTrue(registry.authenticate(header).isPresent(), "remembered before deletion");

    assertTrue(registry.delete(gone.instance().id()));

    assertFalse(registry.delete(gone.instance().id()));
    assertEquals(Optional.empty(), registry.authenticate(header));
    assertEquals(Optional.empty(), registry.get(gone.instance().id()));
    assertEquals(List.of(kept.instance()), registry.list());
    ContainerRegistry reopened = ContainerRegistry.open(dataDir);
    assertEquals(List.of(kept.instance()), reopened.list());
    assertEquals(Optional.empty(), reopened.authenticate(header));
  }

  @Test
  void reRegisteringANameInvalidatesTheOldToken() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    Registration old = registry.register("my-app", "build-42");
    String oldHeader = basic(old);
    assertTrue(registry.authenticate(oldHeader).isPresent());
    registry.delete(old.instance().id());

    Registration renewed = registry.register("my-app", "build-42");

    assertEquals(Optional.empty(), registry.authenticate(oldHeader));
    assertEquals(Optional.of(renewed.instance()), registry.authenticate(basic(renewed)));
  }

  @Test
  void aCorruptFileStopsOpeningWithItsPath() throws IOException {
    Path file = snapshot();
    for (String corrupt :
        List.of("{", "{\"containers\":{}}", "{\"containers\":[{\"id\":\"../x\"}]}")) {
      Files.writeString(file, corrupt);
      IOException e = assertThrows(IOException.class, () -> ContainerRegistry.open(dataDir));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  private Path snapshot() {
    return dataDir.resolve("containers.json");
  }

  private Path journal() {
    return dataDir.resolve("containers.journal");
  }

  private static long size(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /** Changes when the snapshot is replaced: a new file has a new inode or modification time. */
  private Object snapshotVersion() throws IOException {
    return Files.exists(snapshot())
        ? List.of(Files.getAttribute(snapshot(), "unix:ino"), Files.getLastModifiedTime(snapshot()))
        : List.of();
  }

  private static String basic(Registration registration) {
    return basic(registration.instance().id(), registration.token());
  }

  private static String basic(String id, String token) {
    return "Basic " + encode(id + ":" + token);
  }

  private static String encode(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
