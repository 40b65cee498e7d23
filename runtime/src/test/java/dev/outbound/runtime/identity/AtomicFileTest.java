package dev.outbound.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path root;

  @Test
  void replacesContentInPrivateFilesAndDirectories() throws IOException {
    Path file = root.resolve("a/b/state.json");
    assertEquals(Optional.empty(), AtomicFile.read(file));

    AtomicFile.write(file, "first");
    AtomicFile.write(file, "second ✓");

    assertEquals(Optional.of("second ✓"), AtomicFile.read(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a"))));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left");
    }
  }

  @Test
  void deleteSaysWhetherTheFileExisted() throws IOException {
    Path file = root.resolve("state.json");
    AtomicFile.write(file, "x");

    assertTrue(AtomicFile.delete(file));
    assertFalse(Files.exists(file));
    assertFalse(AtomicFile.delete(file));
  }
}
