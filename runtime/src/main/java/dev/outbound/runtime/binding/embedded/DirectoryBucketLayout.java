package dev.outbound.runtime.binding.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a directory bucket under its root, and the durable moves between them. Keys never
 * become paths: an object's file is named by the SHA-256 of its key.
 *
 * <pre>
 * owner.lock                       locked by the one bucket that has the directory open
 * objects/ab/ab12…ef               an object file, named by the SHA-256 hex of its key, in a shard
 *                                  named by the first byte of that hash
 * uploads/&lt;upload id&gt;/upload.json  a multipart upload's key and metadata; the upload exists while this does
 * uploads/&lt;upload id&gt;/part-00001   its parts, in the object file format
 * tmp/                             files being written or deleted; emptied at open
 * </pre>
 */
final class DirectoryBucketLayout {

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}");
  private static final String MANIFEST = "upload.json";

  private final Path root;
  private final Path objects;
  private final Path uploads;
  private final Path tmp;

  private DirectoryBucketLayout(Path root) {
    this.root = root;
    this.objects = root.resolve("objects");
    this.uploads = root.resolve("uploads");
    this.tmp = root.resolve("tmp");
  }

  /**
   * Creates the directories under {@code root} where missing; shards are made as keys need them.
   */
  static DirectoryBucketLayout create(Path root) throws IOException {
    DirectoryBucketLayout layout = new DirectoryBucketLayout(root);
    for (Path directory : List.of(layout.objects, layout.uploads, layout.tmp)) {
      Files.createDirectories(directory);
    }
    syncDirectory(root);
    return layout;
  }

  Path root() {
    return root;
  }

  Path ownerLock() {
    return root.resolve("owner.lock");
  }

  Path objectFile(String key) {
    String hash = HEX.formatHex(sha256(key));
    return objects.resolve(hash.substring(0, 2)).resolve(hash);
  }

  /** Returns every object file, for rebuilding the index at open. */
  List<Path> objectFiles() throws IOException {
    try (Stream<Path> files = Files.walk(objects, 2)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** Returns a fresh path in the tmp directory, which nothing else uses. */
  Path newTempFile() {
    return tmp.resolve(UUID.randomUUID().toString());
  }

  static String newUploadId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Returns the directory of upload {@code uploadId}, or empty for an id this bucket never issues,
   * so that no id reaches outside {@code uploads/}.
   */
  Optional<Path> uploadDirectory(String uploadId) {
    return UPLOAD_ID.matcher(uploadId).matches()
        ? Optional.of(uploads.resolve(uploadId))
        : Optional.empty();
  }

  static Path manifest(Path uploadDirectory) {
    return uploadDirectory.resolve(MANIFEST);
  }

  static Path partFile(Path uploadDirectory, int partNumber) {
    return uploadDirectory.resolve(String.format("part-%05d", partNumber));
  }

  /** Creates the directory of a new upload, durably. */
  void createUploadDirectory(Path uploadDirectory) throws IOException {
    Files.createDirectory(uploadDirectory);
    syncDirectory(uploads);
  }

  /**
   * Publishes a finished temp file as the object file of {@code key}, creating its shard if needed.
   */
  void publishObject(Path tempFile, String key) throws IOException {
    Path target = objectFile(key);
    Path shard = target.getParent();
    if (!Files.isDirectory(shard)) {
      Files.createDirectories(shard);
      syncDirectory(objects);
    }
    publish(tempFile, target);
  }

  /**
   * Moves a finished temp file over {@code target} in one atomic rename, then syncs the directory
   * so the rename survives a crash. A reader that opened the file it replaces keeps reading that
   * one.
   */
  void publish(Path tempFile, Path target) throws IOException {
    Files.move(
        tempFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.getParent());
  }

  /** Deletes {@code file} durably; does nothing if it is missing. */
  void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory(file.getParent());
    }
  }

  /**
   * Removes an upload in one atomic rename into tmp, then deletes its files; a crash in between
   * leaves them to {@link #removeLeftovers}.
   */
  void deleteUpload(Path uploadDirectory) throws IOException {
    Path doomed = newTempFile();
    Files.move(uploadDirectory, doomed, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(uploads);
    deleteTree(doomed);
  }

  /**
   * Deletes what a crash may have left: everything in tmp, and upload directories whose manifest
   * was never written.
   */
  void removeLeftovers() throws IOException {
    for (Path leftover : children(tmp)) {
      deleteTree(leftover);
    }
    for (Path upload : children(uploads)) {
      if (!Files.exists(manifest(upload))) {
        deleteTree(upload);
      }
    }
  }

  private static List<Path> children(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.toList();
    }
  }

  private static void deleteTree(Path path) throws IOException {
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException alreadyGone) {
      // Nothing left to delete.
    }
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static byte[] sha256(String key) {
    return DirectoryBucketTempFile.digest("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
  }
}
