package dev.outbound.runtime.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The registry's append-only journal: one line per change, on disk before the change is published.
 * A crash during an append can leave a torn last line; reading ignores it and says so, and the
 * registry then rewrites its snapshot and empties the journal before appending again, so that a
 * torn line never ends up before a good one.
 */
final class RegistryJournal {

  /** The changes in order, and whether anything unreadable followed the last of them. */
  record Contents(List<RegistryChange> changes, boolean tornTail) {}

  private static final Set<StandardOpenOption> CREATE_AND_APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final Path file;

  /** Whether this process has made the journal's directory entry durable. */
  private boolean directorySynced;

  RegistryJournal(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * @throws IOException naming the file when it cannot be read, or a line that does not parse is
   *     followed by one that does (that is damage, not a torn append)
   */
  Contents read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException absent) {
      return new Contents(List.of(), false);
    }
    List<RegistryChange> changes = new ArrayList<>();
    String unreadable = null;
    int lineNumber = 0;
    int start = 0;
    for (int end = indexOfNewline(bytes, start); end >= 0; end = indexOfNewline(bytes, start)) {
      lineNumber++;
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      start = end + 1;
      RegistryChange change;
      try {
        change = RegistryFile.readChange(line);
      } catch (IllegalArgumentException e) {
        unreadable = unreadable == null ? "line " + lineNumber + ": " + e.getMessage() : unreadable;
        continue;
      }
      if (unreadable != null) {
        throw new IOException("cannot read container registry journal " + file + ": " + unreadable);
      }
      changes.add(change);
    }
    return new Contents(changes, unreadable != null || start < bytes.length);
  }

  /** Appends the change and waits until it is on disk. */
  void append(RegistryChange change) throws IOException {
    ByteBuffer line = StandardCharsets.UTF_8.encode(RegistryFile.writeChange(change) + "\n");
    Path directory = file.toAbsolutePath().getParent();
    if (!directorySynced) {
      AtomicFile.createDirectories(directory);
    }
    try (FileChannel channel = FileChannel.open(file, CREATE_AND_APPEND, AtomicFile.OWNER_FILE)) {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    }
    if (!directorySynced) {
      AtomicFile.syncDirectory(directory);
      directorySynced = true;
    }
  }

  /** Empties the journal durably, once a snapshot holds everything in it. */
  void clear() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(0);
      channel.force(true);
    } catch (NoSuchFileException absent) {
      // Nothing was ever appended.
    }
  }

  private static int indexOfNewline(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
