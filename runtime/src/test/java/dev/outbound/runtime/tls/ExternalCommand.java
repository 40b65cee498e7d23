package dev.outbound.runtime.tls;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool with stdin closed, a time limit, and stdout and stderr together. */
record ExternalCommand(int exitCode, String output) {

  static ExternalCommand run(Path workDir, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(workDir, "command", ".out");
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      fail(String.join(" ", command) + " did not finish within " + timeout);
    }
    return new ExternalCommand(process.exitValue(), Files.readString(output));
  }
}
