package dev.outbound.runtime.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Small state files that are replaced whole and survive a crash: a reader after any crash sees the
 * old content or the new, never a part. Files are private to the server's user (mode 0600,
 * directories 0700) because they hold credentials or what handlers are configured with.
 */
public final class AtomicFile {

  static final FileAttribute<Set<PosixFilePermission>> OWNER_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private AtomicFile() {}

  /** The file's content, or empty when there is no such file. */
  public static Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the file's content: temp file in the same directory, fsync, rename, fsync the
   * directory.
   */
  public static void write(Path file, String content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    createDirectories(directory);
    Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", OWNER_FILE);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(directory);
  }

  /** Deletes the file durably; returns whether it existed. */
  public static boolean delete(Path file) throws IOException {
    boolean existed = Files.deleteIfExists(file);
    if (existed) {
      syncDirectory(file.toAbsolutePath().getParent());
    }
    return existed;
  }

  /** Creates missing directories private to the server's user. */
  public static void createDirectories(Path directory) throws IOException {
    Files.createDirectories(directory, OWNER_DIRECTORY);
  }

  /** Makes a rename or delete in the directory durable; without this a crash can undo it. */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
