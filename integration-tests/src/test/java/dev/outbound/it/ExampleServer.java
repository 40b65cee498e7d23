package dev.outbound.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the examples jar with the examples' own outbound.yaml, plus extra settings under {@code outbound:}. */
final class ExampleServer {

  static final String API_TOKEN = "it-secret-token";
  private static final Path EXAMPLE_CONFIG =
      Path.of(System.getProperty("outbound.repo")).resolve("examples/outbound.yaml");

  private ExampleServer() {
  }

  /** A config file: the examples' configuration with {@code extraOutboundYaml} (indented by two spaces) appended. */
  static Path config(Path dir, String extraOutboundYaml) {
    try {
      String base = Files.readString(EXAMPLE_CONFIG);
      Path file = dir.resolve("outbound.yaml");
      Files.writeString(file, base.stripTrailing() + "\n" + extraOutboundYaml.stripIndent());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> env() {
    return Map.of("OUTBOUND_EXAMPLE_API_TOKEN", API_TOKEN);
  }

  static ServerProcess start(Path dataDir, Path config) {
    return ServerProcess.start(dataDir, config, env());
  }
}
