package dev.outbound.binding;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredObjectTest {

  private static final ObjectInfo INFO =
      new ObjectInfo(
          "k", 3, "abc", Instant.EPOCH, HttpMetadata.empty(), Map.of(), Optional.empty());

  @Test
  void closeClosesTheBody() {
    var closed = new boolean[1];
    InputStream body =
        new ByteArrayInputStream(new byte[] {1, 2, 3}) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    try (StoredObject object = new StoredObject(INFO, Optional.of(body))) {
      assertTrue(object.body().isPresent());
    }
    assertTrue(closed[0]);
  }

  @Test
  void closeWithoutBodyDoesNothing() {
    assertDoesNotThrow(() -> new StoredObject(INFO, Optional.empty()).close());
  }

  @Test
  void failureToCloseIsUnchecked() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() {
            return -1;
          }

          @Override
          public void close() throws IOException {
            throw new IOException("disk gone");
          }
        };
    assertThrows(
        UncheckedIOException.class, () -> new StoredObject(INFO, Optional.of(failing)).close());
  }
}
