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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void storesOnlyAHashOfTheTokenInAPrivateFile() throws Exception {
    Registration registration = ContainerRegistry.open(dataDir).register("my-app", "build-42");
    Path file = dataDir.resolve("containers.json");

    String stored = Files.readString(file);
    assertFalse(stored.contains(registration.token()), stored);
    String tokenHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(registration.token().getBytes(StandardCharsets.UTF_8)));
    assertTrue(stored.contains(tokenHash), stored);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(registration.toString().contains(registration.token()), registration.toString());
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    ContainerRegistry registry = ContainerRegistry.open(dataDir);
    registry.delete(registry.register("my-app", null).instance().id());
    registry.register("my-app", null);

    try (Stream<Path> files = Files.list(dataDir)) {
      assertEquals(List.of(dataDir.resolve("containers.json")), files.toList());
    }
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
    Path file = dataDir.resolve("containers.json");
    for (String corrupt :
        List.of("{", "{\"containers\":{}}", "{\"containers\":[{\"id\":\"../x\"}]}")) {
      Files.writeString(file, corrupt);
      IOException e = assertThrows(IOException.class, () -> ContainerRegistry.open(dataDir));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  private static String basic(Registration registration) {
    return "Basic " + encode(registration.instance().id() + ":" + registration.token());
  }

  private static String encode(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
