package dev.outbound.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server child process on 127.0.0.1 that writes every change to its append-only file before
 * replying, so that it can be killed and started again on the same port with the same data.
 */
final class RedisProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;
  private final int port;
  private Process process;

  private RedisProcess(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server on a free port that keeps its files in {@code dir}. */
  static RedisProcess start(Path dir) {
    RedisProcess redis = new RedisProcess(dir, freePort());
    redis.restart();
    return redis;
  }

  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Kills the process, as a crash would, and waits until its port refuses connections. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Starts the server on its port, with the data it had; waits until it answers PING. */
  void restart() {
    try {
      Files.createDirectories(dir);
      process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
          "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "always"))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run redis-server; is it installed?", e);
    }
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!answersPing()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("redis-server did not start on port " + port + "; see " + dir.resolve("redis.log"));
      }
      pause(Duration.ofMillis(20));
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[16];
      int read = in.read(reply);
      return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
