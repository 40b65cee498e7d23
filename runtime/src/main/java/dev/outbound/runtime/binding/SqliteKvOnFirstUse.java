package dev.outbound.runtime.binding;

import dev.outbound.binding.KvEntry;
import dev.outbound.binding.KvListOptions;
import dev.outbound.binding.KvListResult;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.KvPutOptions;
import dev.outbound.runtime.binding.embedded.SqliteKvNamespace;
import dev.outbound.runtime.lazy.FirstUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A KV namespace in a SQLite file that is opened at its first use, so that a server starts without
 * loading SQLite's native library before any container asks for a key. {@link #check} finds at
 * start what would stop the file from opening later.
 */
final class SqliteKvOnFirstUse implements KvNamespace, AutoCloseable {

  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final FirstUse<SqliteKvNamespace> opened;

  SqliteKvOnFirstUse(Path file) {
    this.file = file;
    this.opened = new FirstUse<>("KV namespace " + file);
  }

  /**
   * Creates the file's directory and checks that the file, if present, is a SQLite database this
   * process may write, and if absent, that it can be created.
   *
   * @throws IOException saying what is wrong
   */
  static void check(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    if (!Files.exists(file)) {
      if (!Files.isWritable(directory)) {
        throw new IOException("cannot create files in " + directory);
      }
      return;
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file) || !Files.isWritable(file)) {
      throw new IOException("not a file this process can read and write");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(SQLITE_HEADER.length);
      // an empty file is an empty database to SQLite
      if (header.length > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
        throw new IOException("not a SQLite database");
      }
    }
  }

  private SqliteKvNamespace namespace() {
    return opened.get(() -> SqliteKvNamespace.open(file));
  }

  @Override
  public Optional<byte[]> get(String key) {
    return namespace().get(key);
  }

  @Override
  public Optional<byte[]> get(String key, Duration cacheTtl) {
    return namespace().get(key, cacheTtl);
  }

  @Override
  public Optional<KvEntry> getWithMetadata(String key) {
    return namespace().getWithMetadata(key);
  }

  @Override
  public Map<String, byte[]> get(Collection<String> keys) {
    return namespace().get(keys);
  }

  @Override
  public void put(String key, byte[] value, KvPutOptions options) {
    namespace().put(key, value, options);
  }

  @Override
  public void delete(String key) {
    namespace().delete(key);
  }

  @Override
  public KvListResult list(KvListOptions options) {
    return namespace().list(options);
  }

  /** Closes the file if it was opened; later calls fail. */
  @Override
  public void close() {
    opened.close(SqliteKvNamespace::close);
  }

  @Override
  public String toString() {
    return "SqliteKvNamespace[" + file + "] (opened at first use)";
  }
}
