package dev.outbound.runtime.binding.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.Conditions;
import dev.outbound.binding.ListOptions;
import dev.outbound.binding.MultipartUpload;
import dev.outbound.binding.PutOptions;
import dev.outbound.binding.StoredObject;
import dev.outbound.binding.UploadedPart;
import dev.outbound.runtime.binding.BindingUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What an {@link S3Bucket} does while its service is down or hangs, and after it comes back. */
class S3BucketOutageTest {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  @TempDir
  Path serverDirectory;

  @Test
  void everyCallFailsQuicklyWhileTheServiceIsDownAndWorksAgainWhenItIsBack() throws Exception {
    try (S3ProxyServer server = S3ProxyServer.start(serverDirectory);
        S3Bucket bucket = S3Bucket.open(server.newBucket().withCallTimeout(CALL_TIMEOUT))) {
      bucket.put("before", body("stored before the outage"));
      MultipartUpload upload = bucket.createMultipartUpload("upload", PutOptions.none());
      UploadedPart firstPart = upload.uploadPart(1, body("first part"));

      server.stop();
      Map<String, Executable> calls = new LinkedHashMap<>();
      calls.put("head", () -> bucket.head("before"));
      calls.put("get", () -> bucket.get("before"));
      calls.put("put", () -> bucket.put("during", body("refused")));
      calls.put("conditional put", () -> bucket.put("during", body("refused"),
          PutOptions.none().withOnlyIf(Conditions.none().withEtagDoesNotMatch("*"))));
      calls.put("delete", () -> bucket.delete("before"));
      calls.put("delete many", () -> bucket.delete(List.of("before")));
      calls.put("list", () -> bucket.list(ListOptions.defaults()));
      calls.put("create upload", () -> bucket.createMultipartUpload("other", PutOptions.none()));
      calls.put("upload part", () -> upload.uploadPart(2, body("refused part")));
      calls.put("complete", () -> upload.complete(List.of(firstPart)));
      for (Map.Entry<String, Executable> call : calls.entrySet()) {
        long started = System.nanoTime();
        var unavailable = assertThrows(BindingUnavailableException.class, call.getValue(), call.getKey());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(CALL_TIMEOUT) < 0, call.getKey() + " took " + took);
        assertTrue(unavailable.getMessage().contains("bucket-1"), unavailable.getMessage());
      }

      server.restart();
      try (StoredObject object = bucket.get("before").orElseThrow()) {
        byte[] body = object.body().orElseThrow().readAllBytes();
        assertEquals("stored before the outage", new String(body, StandardCharsets.UTF_8));
      }
      assertEquals(Optional.empty(), bucket.head("during"), "a refused put is not done");
      assertTrue(bucket.put("after", body("stored after the outage"), PutOptions.none()).isPresent());
      assertEquals("first part".length(), upload.complete(List.of(firstPart)).size());
    }
  }

  @Test
  void aServiceThatNeverAnswersFailsWithinTheCallTimeout() throws Exception {
    // A listening socket that never accepts: connections queue in its backlog, and no answer ever comes.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        S3Bucket bucket = S3Bucket.open(S3BucketSettings.of("silent", "us-east-1")
            .withEndpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
            .withPathStyle(true)
            .withCredentials("key", "secret")
            .withCallTimeout(CALL_TIMEOUT))) {
      long started = System.nanoTime();

      var unavailable = assertThrows(BindingUnavailableException.class, () -> bucket.head("k"));

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(CALL_TIMEOUT.plusSeconds(1)) < 0, "took " + took);
      assertTrue(unavailable.getMessage().contains("silent"), unavailable.getMessage());
    }
  }

  private static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
