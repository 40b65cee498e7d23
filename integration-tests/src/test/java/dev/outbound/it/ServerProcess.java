package dev.outbound.it;

import dev.outbound.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The shaded examples jar running as its own process, as a user starts it with {@code serve}. */
final class ServerProcess implements AutoCloseable {

  private static final Path JAR = Path.of(System.getProperty("outbound.examplesJar"));
  private static final String READY = "outbound: proxy listening on ";

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Path dataDir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile int proxyPort;
  private volatile int adminPort;

  private ServerProcess(Process process, Path dataDir) {
    this.process = process;
    this.dataDir = dataDir;
  }

  /** Starts {@code serve} on free ports and waits until it listens. */
  static ServerProcess start(Path dataDir, Path config, Map<String, String> env) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Processes.java(),
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                "0",
                "--admin-port",
                "0",
                "--data-dir",
                dataDir.toString()));
    if (config != null) {
      command.addAll(List.of("--config", config.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      ServerProcess server = new ServerProcess(builder.start(), dataDir);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code serve} expecting it to refuse to start; returns its exit code and output. */
  static ProcessResult refuse(Path dataDir, Path config, Map<String, String> env) {
    return Processes.run(
        dataDir.getParent(),
        Duration.ofSeconds(60),
        env,
        List.of(
            Processes.java(),
            "-jar",
            JAR.toString(),
            "serve",
            "--port",
            "0",
            "--admin-port",
            "0",
            "--data-dir",
            dataDir.toString(),
            "--config",
            config.toString()));
  }

  private void awaitReady() {
    CountDownLatch ready = new CountDownLatch(1);
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  output.append(line).append('\n');
                  int at = line.indexOf(READY);
                  if (at >= 0) {
                    parsePorts(line.substring(at + READY.length()));
                    ready.countDown();
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    try {
      if (!ready.await(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("server did not start within 90 s:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // "127.0.0.1:41234, admin on 127.0.0.1:41235, data dir ..., classes: ..."
  private void parsePorts(String rest) {
    String proxy = rest.substring(0, rest.indexOf(','));
    proxyPort = Integer.parseInt(proxy.substring(proxy.lastIndexOf(':') + 1));
    String admin = rest.substring(rest.indexOf("admin on ") + "admin on ".length());
    admin = admin.substring(0, admin.indexOf(','));
    adminPort = Integer.parseInt(admin.substring(admin.lastIndexOf(':') + 1));
  }

  int proxyPort() {
    return proxyPort;
  }

  int adminPort() {
    return adminPort;
  }

  String output() {
    return output.toString();
  }

  String adminToken() {
    try {
      return Files.readString(dataDir.resolve("admin.token")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls the admin API with the bearer token; returns status and body. */
  HttpResponse<String> admin(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken())
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Registers a container instance and returns the admin API's answer. */
  Map<String, Object> createContainer(String containerClass, String name) {
    String body =
        name == null
            ? Json.write(Map.of("class", containerClass))
            : Json.write(Map.of("class", containerClass, "name", name));
    HttpResponse<String> response = admin("POST", "/v1/containers", body);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "create container answered " + response.statusCode() + ": " + response.body());
    }
    return Json.parseObject(response.body());
  }

  /** Stops the process the way {@code kill -9} does: no shutdown hooks, no flushing. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, then waits for the graceful shutdown. */
  int stop() {
    process.destroy();
    return waitForExit();
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
