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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The registered container instances and their proxy credentials (SPEC §4.2), kept in {@code
 * <dataDir>}: a snapshot, {@code containers.json}, and a journal of the changes since, {@code
 * containers.journal}. Only a SHA-256 of each token is stored.
 *
 * <p>A registration or deletion appends one line to the journal and waits for it to reach the disk,
 * so it costs the same however many instances there are. Now and then the snapshot is rewritten and
 * the journal emptied: when it holds more changes than there are instances plus {@link
 * #SPARE_JOURNAL_CHANGES}, which keeps that rewrite at O(1) per change and the journal short.
 *
 * <p>Thread-safe. {@link #get} and {@link #authenticate} do not lock; registrations and deletions
 * are serialised, written durably, then published.
 */
public final class ContainerRegistry {

  private static final String SNAPSHOT_FILE_NAME = "containers.json";
  private static final String JOURNAL_FILE_NAME = "containers.journal";
  private static final int SPARE_JOURNAL_CHANGES = 1000;
  private static final int MAX_NAME_LENGTH = 128;

  /**
   * Enough for every container that is busy at once; beyond it, authentication just hashes again.
   */
  private static final int MAX_REMEMBERED_HEADERS = 4096;

  /** Compared against when the id is unknown, so that a miss costs as much as a wrong token. */
  private static final byte[] NO_TOKEN_HASH = new byte[32];

  private final Path snapshotFile;
  private final RegistryJournal journal;
  private final RegistryEntries entries;
  private final SecureRandom random = new SecureRandom();
  private final ReentrantLock writeLock = new ReentrantLock();

  /** The last sequence number given to a change, written to the journal or not. */
  private long sequence;

  /** Changes in the journal, including any the snapshot already holds. */
  private int journalChanges;

  /**
   * Whether the journal may end in something other than a whole change (a torn line, or an append
   * that failed), so it must be emptied before the next append.
   */
  private boolean journalTailUnknown;

  /**
   * Headers that authenticated before, so a container's next request skips decoding and hashing.
   */
  private final Map<String, RegisteredContainer> verifiedHeaders = new ConcurrentHashMap<>();

  private ContainerRegistry(
      Path snapshotFile,
      RegistryJournal journal,
      RegistryEntries entries,
      long sequence,
      RegistryJournal.Contents journalContents) {
    this.snapshotFile = snapshotFile;
    this.journal = journal;
    this.entries = entries;
    this.sequence = sequence;
    this.journalChanges = journalContents.changes().size();
    this.journalTailUnknown = journalContents.tornTail();
  }

  /**
   * Reads the snapshot, then replays the journal's changes the snapshot does not hold, ignoring a
   * torn last line. Writes nothing.
   *
   * @throws IOException naming the file when one exists but cannot be read
   */
  public static ContainerRegistry open(Path dataDir) throws IOException {
    Path snapshotFile = dataDir.resolve(SNAPSHOT_FILE_NAME);
    RegistryJournal journal = new RegistryJournal(dataDir.resolve(JOURNAL_FILE_NAME));
    RegistryEntries entries = new RegistryEntries();
    long snapshotSequence = 0;
    Optional<String> text = AtomicFile.read(snapshotFile);
    if (text.isPresent()) {
      try {
        RegistryFile.Snapshot snapshot = RegistryFile.readSnapshot(text.get());
        snapshot.containers().forEach(entries::add);
        snapshotSequence = snapshot.journalSequence();
      } catch (IllegalArgumentException corrupt) {
        throw new IOException(
            "cannot read container registry " + snapshotFile + ": " + corrupt.getMessage(),
            corrupt);
      }
    }
    RegistryJournal.Contents contents = journal.read();
    long sequence = snapshotSequence;
    for (RegistryChange change : contents.changes()) {
      if (change.sequence() <= snapshotSequence) {
        continue; // a compaction wrote the snapshot but did not get to empty the journal
      }
      try {
        apply(entries, change);
      } catch (IllegalArgumentException corrupt) {
        throw new IOException(
            "cannot replay container registry journal "
                + journal.file()
                + " at change "
                + change.sequence()
                + ": "
                + corrupt.getMessage(),
            corrupt);
      }
      sequence = Math.max(sequence, change.sequence());
    }
    return new ContainerRegistry(snapshotFile, journal, entries, sequence, contents);
  }

  /**
   * Registers an instance of a container class. A named instance's id is derived from class and
   * name, so it finds its durable state again after being deleted and registered anew.
   *
   * @param nameOrNull null for an unnamed instance, whose name is then its id
   * @throws IllegalStateException "container name already registered: NAME"
   * @throws IllegalArgumentException for a blank class, or a name that is blank, too long or has
   *     control characters
   * @throws UncheckedIOException when the registry cannot be written; nothing is registered
   */
  public Registration register(String className, String nameOrNull) {
    checkText(className, "container class");
    if (nameOrNull != null) {
      checkText(nameOrNull, "container name");
    }
    String token = ProxyTokens.generate(random);
    writeLock.lock();
    try {
      if (nameOrNull != null && entries.hasName(nameOrNull)) {
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
      RegisteredContainer entry = new RegisteredContainer(instance, ProxyTokens.hash(token));
      write(sequence -> new RegistryChange.Registered(sequence, entry));
      entries.add(entry);
      return new Registration(instance, token);
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<ContainerInstance> get(String id) {
    RegisteredContainer entry = entries.get(id);
    return entry == null ? Optional.empty() : entry.found();
  }

  /** Every registered instance, oldest first; waits for a registration or deletion under way. */
  public List<ContainerInstance> list() {
    writeLock.lock();
    try {
      return entries.oldestFirst().stream().map(RegisteredContainer::instance).toList();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Deregisters an instance; its credentials stop working at once.
   *
   * @return whether it was registered
   * @throws UncheckedIOException when the registry cannot be written; nothing is deleted
   */
  public boolean delete(String id) {
    writeLock.lock();
    try {
      if (entries.get(id) == null) {
        return false;
      }
      write(sequence -> new RegistryChange.Deleted(sequence, id));
      RegisteredContainer removed = entries.remove(id);
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
    if (remembered != null && entries.get(remembered.id()) == remembered) {
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
    RegisteredContainer entry = entries.get(credentials.substring(0, colon));
    byte[] presented = ProxyTokens.hash(credentials.substring(colon + 1));
    boolean matches =
        MessageDigest.isEqual(presented, entry == null ? NO_TOKEN_HASH : entry.tokenHash());
    return entry != null && matches ? entry : null;
  }

  /**
   * Makes the change durable in the journal; the caller then applies it. Rewrites the snapshot
   * first when the journal is due for it.
   */
  private void write(LongFunction<RegistryChange> change) {
    try {
      if (journalTailUnknown || journalChanges > entries.size() + SPARE_JOURNAL_CHANGES) {
        compact();
      }
      journalTailUnknown = true; // until the append is known whole
      journal.append(change.apply(++sequence));
      journalTailUnknown = false;
      journalChanges++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write container registry " + journal.file(), e);
    }
  }

  /**
   * Writes every entry to a new snapshot, then empties the journal. A crash between the two leaves
   * changes in the journal that the snapshot holds; replay skips them by sequence number.
   */
  private void compact() throws IOException {
    AtomicFile.write(snapshotFile, RegistryFile.writeSnapshot(entries.oldestFirst(), sequence));
    journal.clear();
    journalChanges = 0;
    journalTailUnknown = false;
  }

  /**
   * @throws IllegalArgumentException when the change does not fit the entries
   */
  private static void apply(RegistryEntries entries, RegistryChange change) {
    switch (change) {
      case RegistryChange.Registered registered -> entries.add(registered.entry());
      case RegistryChange.Deleted deleted -> {
        if (entries.remove(deleted.id()) == null) {
          throw new IllegalArgumentException("deletes unknown id " + deleted.id());
        }
      }
    }
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
