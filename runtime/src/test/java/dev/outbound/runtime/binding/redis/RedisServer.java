package dev.outbound.runtime.binding.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server child process on 127.0.0.1 and a free port, keeping its files in its own
 * directory; it can be stopped, paused and started again on the same port with the same data.
 */
final class RedisServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final Path dir;
  private final List<String> options;
  private Process process;

  private RedisServer(int port, Path dir, List<String> options) {
    this.port = port;
    this.dir = dir;
    this.options = options;
  }

  /** Starts a server without persistence, with extra redis-server {@code options}. */
  static RedisServer start(Path dir, String... options) {
    List<String> all = new ArrayList<>(List.of("--save", "", "--appendonly", "no"));
    all.addAll(List.of(options));
    return startWith(dir, all);
  }

  /** Starts a server that logs every write to an append-only file before replying. */
  static RedisServer startDurable(Path dir) {
    return startWith(dir, List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always"));
  }

  private static RedisServer startWith(Path dir, List<String> options) {
    RedisServer server = new RedisServer(freePort(), dir, options);
    server.start();
    return server;
  }

  /** Starts the process again, on the same port and directory; waits until it answers PING. */
  void start() {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port)));
    command.addAll(List.of("--bind", "127.0.0.1", "--dir", dir.toString()));
    command.addAll(options);
    try {
      Files.createDirectories(dir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run redis-server; is it installed?", e);
    }
    awaitPong();
  }

  /** Kills the process, as a crash or an outage would, and waits for it to exit. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Freezes the process: connections stay open and nothing answers, as on a hung server. */
  void pause() {
    signal("STOP");
  }

  /** Lets a paused process go on. */
  void resume() {
    signal("CONT");
  }

  int port() {
    return port;
  }

  URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    resume();
    stop();
  }

  private void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitPong() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
      }
      if (answersPing()) {
        return;
      }
      sleep(Duration.ofMillis(20));
    }
    throw new IllegalStateException("redis-server did not answer on port " + port);
  }

  /** True once the server replies +PONG, or -NOAUTH when it wants a password: it is up. */
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      String text = read > 0 ? new String(reply, 0, read, StandardCharsets.US_ASCII) : "";
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Returns a port that is free on 127.0.0.1 together with the port 10000 above it, which a cluster
   * node uses for its bus.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (free(port) && free(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
