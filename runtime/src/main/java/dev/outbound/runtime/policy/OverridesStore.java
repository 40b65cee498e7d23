package dev.outbound.runtime.policy;

import dev.outbound.runtime.identity.AtomicFile;
import dev.outbound.runtime.identity.ContainerIds;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Run-time overrides of every instance, kept in the instance's own state directory as {@code
 * <dataDir>/containers/<id>/policy.json} and all read back when the store opens, so a restarted
 * server enforces what the admin API set. Reads are lock-free; writes are serialised and durable
 * before they are visible.
 */
public final class OverridesStore {

  private static final String FILE_NAME = "policy.json";

  private final Path containersDirectory;
  private final Map<String, InstanceOverrides> overridesById;

  /** A lock rather than {@code synchronized}: it is held across file I/O, on virtual threads. */
  private final ReentrantLock writeLock = new ReentrantLock();

  private OverridesStore(Path containersDirectory, Map<String, InstanceOverrides> overridesById) {
    this.containersDirectory = containersDirectory;
    this.overridesById = overridesById;
  }

  /**
   * @throws IOException naming the file when a stored policy cannot be read
   */
  public static OverridesStore open(Path dataDir) throws IOException {
    Path containersDirectory = dataDir.resolve("containers");
    Map<String, InstanceOverrides> overridesById = new ConcurrentHashMap<>();
    if (Files.isDirectory(containersDirectory)) {
      try (DirectoryStream<Path> directories = Files.newDirectoryStream(containersDirectory)) {
        for (Path directory : directories) {
          String id = directory.getFileName().toString();
          if (ContainerIds.isValid(id)) {
            load(directory.resolve(FILE_NAME))
                .ifPresent(overrides -> overridesById.put(id, overrides));
          }
        }
      }
    }
    return new OverridesStore(containersDirectory, overridesById);
  }

  /** The instance's overrides, {@link InstanceOverrides#NONE} when none were set. */
  public InstanceOverrides get(String containerId) {
    return overridesById.getOrDefault(containerId, InstanceOverrides.NONE);
  }

  public void put(String containerId, InstanceOverrides overrides) throws IOException {
    update(containerId, current -> overrides);
  }

  /**
   * Changes the instance's overrides atomically with respect to other changes: two admin requests
   * that each add a host handler both take effect. When {@code change} throws (say, compiling the
   * result failed), nothing is stored.
   *
   * @return the stored result
   */
  public InstanceOverrides update(String containerId, UnaryOperator<InstanceOverrides> change)
      throws IOException {
    Path file = file(containerId);
    writeLock.lock();
    try {
      InstanceOverrides changed = change.apply(get(containerId));
      AtomicFile.write(file, OverridesJson.write(changed));
      overridesById.put(containerId, changed);
      return changed;
    } finally {
      writeLock.unlock();
    }
  }

  /** Forgets the instance's overrides, as when the instance is deleted. */
  public void delete(String containerId) throws IOException {
    Path file = file(containerId);
    writeLock.lock();
    try {
      AtomicFile.delete(file);
      overridesById.remove(containerId);
    } finally {
      writeLock.unlock();
    }
  }

  private Path file(String containerId) {
    if (!ContainerIds.isValid(containerId)) {
      throw new IllegalArgumentException("not a container id: " + containerId);
    }
    return containersDirectory.resolve(containerId).resolve(FILE_NAME);
  }

  private static Optional<InstanceOverrides> load(Path file) throws IOException {
    Optional<String> text = AtomicFile.read(file);
    try {
      return text.map(OverridesJson::read);
    } catch (IllegalArgumentException corrupt) {
      throw new IOException(
          "cannot read run-time policy " + file + ": " + corrupt.getMessage(), corrupt);
    }
  }
}
