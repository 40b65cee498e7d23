package dev.outbound.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands to completion with a time limit, the way a user would from a shell. */
final class Processes {

  private Processes() {}

  static ProcessResult run(
      Path dir, Duration limit, Map<String, String> env, List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      StringBuilder output = new StringBuilder();
      Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish within " + limit + ":\n" + output);
      }
      reader.join(Duration.ofSeconds(10));
      synchronized (output) {
        return new ProcessResult(process.exitValue(), output.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The JDK running the tests, for child processes and Maven. */
  static Map<String, String> javaEnv() {
    String javaHome = System.getProperty("java.home");
    return Map.of("JAVA_HOME", javaHome, "PATH", javaHome + "/bin:" + System.getenv("PATH"));
  }

  static String java() {
    return System.getProperty("java.home") + "/bin/java";
  }

  private static void drain(InputStream in, StringBuilder output) {
    try (in) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        synchronized (output) {
          output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException ignored) {
      // the process ended; what it printed so far is kept
    }
  }
}
