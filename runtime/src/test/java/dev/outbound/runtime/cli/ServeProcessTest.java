package dev.outbound.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM: environment overrides, the start line, and a graceful stop on
 * SIGTERM.
 */
class ServeProcessTest {

  @Test
  void servesWithEnvironmentOverridesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path secret = dir.resolve("api-token");
    Files.writeString(secret, "t");
    Path config = dir.resolve("outbound.yaml");
    Files.writeString(
        config,
        "outbound:\n  proxy: {port: 1}\n  bindings:\n    API_TOKEN: {type: secret, file: "
            + secret
            + "}\n");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--config",
            config.toString(),
            "--admin-port",
            "0",
            "--data-dir",
            dir.resolve("data").toString());
    builder.environment().put("OUTBOUND_PROXY_PORT", Integer.toString(port));
    builder.environment().put("OUTBOUND_SHUTDOWN_GRACE", "1s");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Path output = dir.resolve("stdout.txt");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    try {
      List<String> lines = List.of();
      for (int wait = 0; wait < 300 && lines.isEmpty() && process.isAlive(); wait++) {
        Thread.sleep(100);
        lines = Files.readAllLines(output);
      }
      assertEquals(1, lines.size(), "start line: " + lines);
      String started = lines.get(0);
      assertTrue(
          started.startsWith(
              "outbound: proxy listening on 127.0.0.1:" + port + ", admin on 127.0.0.1:"),
          started);
      assertTrue(started.endsWith("classes: catchall-app, open-app, test-app"), started);
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
      assertEquals(List.of(started, "outbound: stopped"), Files.readAllLines(output));
    } finally {
      process.destroyForcibly();
    }
  }
}
