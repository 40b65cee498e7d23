package dev.outbound.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A config file: the examples' configuration with the nodes of the bindings named in
   * {@code bindings} replaced by the YAML given for each, written as at the top level.
   */
  static Path configWithBindings(Path dir, Map<String, String> bindings) {
    try {
      String yaml = Files.readString(EXAMPLE_CONFIG);
      for (Map.Entry<String, String> binding : bindings.entrySet()) {
        Matcher node = Pattern.compile("(?m)^    " + binding.getKey() + ":\n(?:      .*\n)*").matcher(yaml);
        if (!node.find()) {
          throw new AssertionError("no binding " + binding.getKey() + " in " + EXAMPLE_CONFIG);
        }
        String replaced = "    " + binding.getKey() + ":\n" + binding.getValue().stripIndent().indent(6);
        yaml = yaml.substring(0, node.start()) + replaced + yaml.substring(node.end());
      }
      Path file = dir.resolve("outbound.yaml");
      Files.writeString(file, yaml);
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
