package dev.outbound.runtime.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registered container instances and their proxy credentials (SPEC §4.2), kept in {@code
 * <dataDir>/containers.json}. Only a SHA-256 of each token is stored.
 *
 * <p>Thread-safe. Reads and {@link #authenticate} work on an immutable snapshot without locking;
 * registrations and deletions are serialised, written durably, then published as a new snapshot.
 */
public final class ContainerRegistry {

  private static final String FILE_NAME = "containers.json";
  private static final int MAX_NAME_LENGTH = 128;

  /**
   * Enough for every container that is busy at once; beyond it, authentication just hashes again.
   */
  private static final int MAX_REMEMBERED_HEADERS = 4096;

  /** Compared against when the id is unknown, so that a miss costs as much as a wrong token. */
  private static final byte[] NO_TOKEN_HASH = new byte[32];

  private final Path file;
  private final SecureRandom random = new SecureRandom();
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile Map<String, RegisteredContainer> entriesById;

  /**
   * Headers that authenticated before, so a container's next request skips decoding and hashing.
   */
  private final Map<String, RegisteredContainer> verifiedHeaders = new ConcurrentHashMap<>();

  private ContainerRegistry(Path file, Map<String, RegisteredContainer> entriesById) {
    this.file = file;
    this.entriesById = entriesById;
  }

  /**
   * @throws IOException naming the file when it exists but cannot be read
   */
  public static ContainerRegistry open(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    Optional<String> text = AtomicFile.read(file);
    Map<String, RegisteredContainer> entries = new LinkedHashMap<>();
    if (text.isPresent()) {
      try {
        for (RegisteredContainer entry : RegistryFile.read(text.get())) {
          if (entries.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalArgumentException("duplicate id " + entry.id());
          }
        }
      } catch (IllegalArgumentException corrupt) {
        throw new IOException(
            "cannot read container registry " + file + ": " + corrupt.getMessage(), corrupt);
      }
    }
    return new ContainerRegistry(file, Collections.unmodifiableMap(entries));
  }

  /**
   * Registers an instance of a container class. A named instance's id is derived from class and
   * name, so it finds its durable state again after being deleted and registered anew.
   *
   * @param nameOrNull null for an unnamed instance, whose name is then its id
   * @throws IllegalStateException "container name already registered: NAME"
   * @throws IllegalArgumentException for a blank class, or a name that is blank, too long or has
   *     control characters
   * @throws UncheckedIOException when the registry file cannot be written; nothing is registered
   */
  public Registration register(String className, String nameOrNull) {
    checkText(className, "container class");
    if (nameOrNull != null) {
      checkText(nameOrNull, "container name");
    }
    String token = ProxyTokens.generate(random);
    writeLock.lock();
    try {
      Map<String, RegisteredContainer> current = entriesById;
      if (nameOrNull != null
          && current.values().stream().anyMatch(e -> e.instance().name().equals(nameOrNull))) {
        throw new IllegalStateException("container name already registered: " + nameOrNull);
      }
      String id =
          nameOrNull == null
              ? ContainerIds.random(random)
              : ContainerIds.named(className, nameOrNull);
      String name = nameOrNull == null ? id : nameOrNull;
      // Millisecond precision: what the file stores, so an instance reads back equal after a
      // restart.
      Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      ContainerInstance instance = new ContainerInstance(id, name, className, createdAt);
      Map<String, RegisteredContainer> changed = new LinkedHashMap<>(current);
      changed.put(id, new RegisteredContainer(instance, ProxyTokens.hash(token)));
      publish(changed);
      return new Registration(instance, token);
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<ContainerInstance> get(String id) {
    RegisteredContainer entry = entriesById.get(id);
    return entry == null ? Optional.empty() : entry.found();
  }

  /** Every registered instance, oldest first. */
  public List<ContainerInstance> list() {
    return entriesById.values().stream().map(RegisteredContainer::instance).toList();
  }

  /**
   * Deregisters an instance; its credentials stop working at once.
   *
   * @return whether it was registered
   * @throws UncheckedIOException when the registry file cannot be written; nothing is deleted
   */
  public boolean delete(String id) {
    writeLock.lock();
    try {
      Map<String, RegisteredContainer> changed = new LinkedHashMap<>(entriesById);
      RegisteredContainer removed = changed.remove(id);
      if (removed == null) {
        return false;
      }
      publish(changed);
      verifiedHeaders.values().removeIf(entry -> entry == removed);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The instance a {@code Proxy-Authorization} header proves, from {@code Basic base64(id:token)}.
   * Empty for a missing, malformed or wrong credential; never throws on what a container sends.
   */
  public Optional<ContainerInstance> authenticate(String proxyAuthorization) {
    if (proxyAuthorization == null) {
      return Optional.empty();
    }
    RegisteredContainer remembered = verifiedHeaders.get(proxyAuthorization);
    // The entry must still be the registered one: deletion may race with remembering it.
    if (remembered != null && entriesById.get(remembered.id()) == remembered) {
      return remembered.found();
    }
    RegisteredContainer entry = verify(proxyAuthorization);
    if (entry == null) {
      return Optional.empty();
    }
    if (verifiedHeaders.size() >= MAX_REMEMBERED_HEADERS) {
      verifiedHeaders.clear();
    }
    verifiedHeaders.put(proxyAuthorization, entry);
    return entry.found();
  }

  /** The entry whose id and token the header carries, or null. */
  private RegisteredContainer verify(String header) {
    String scheme = "Basic ";
    if (!header.regionMatches(true, 0, scheme, 0, scheme.length())) {
      return null;
    }
    String credentials;
    try {
      byte[] decoded = Base64.getDecoder().decode(header.substring(scheme.length()).strip());
      credentials = new String(decoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return null;
    }
    RegisteredContainer entry = entriesById.get(credentials.substring(0, colon));
    byte[] presented = ProxyTokens.hash(credentials.substring(colon + 1));
    boolean matches =
        MessageDigest.isEqual(presented, entry == null ? NO_TOKEN_HASH : entry.tokenHash());
    return entry != null && matches ? entry : null;
  }

  /** Writes the new state durably, then makes it the one readers see. */
  private void publish(Map<String, RegisteredContainer> changed) {
    try {
      AtomicFile.write(file, RegistryFile.write(changed.values()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write container registry " + file, e);
    }
    entriesById = Collections.unmodifiableMap(changed);
  }

  private static void checkText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          what + " is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
  }
}
