package dev.outbound.runtime.binding;

import io.helidon.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code type: secret} with either {@code env: VARIABLE} or {@code file: PATH}, read once at start
 * (SPEC §3.4). A file's trailing line break is dropped, as editors and {@code echo} add one.
 */
final class SecretBindingFactory implements BindingFactory {

  @Override
  public Object create(String name, Config node, BindingContext context) {
    String key = "outbound.bindings." + name;
    var env = node.get("env").asString();
    var file = node.get("file").asString();
    if (env.isPresent() == file.isPresent()) {
      throw new InvalidBindingException(key + " needs exactly one of env: VARIABLE or file: PATH");
    }
    if (env.isPresent()) {
      String value = System.getenv(env.get());
      if (value == null) {
        throw new InvalidBindingException(
            key + ": environment variable " + env.get() + " is not set");
      }
      return new ConfiguredSecret(name, value);
    }
    Path path = Path.of(file.get());
    try {
      return new ConfiguredSecret(
          name, withoutFinalNewline(Files.readString(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new InvalidBindingException(
          key + ": cannot read secret file " + path + " (" + e.getMessage() + ")");
    }
  }

  private static String withoutFinalNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }
}
