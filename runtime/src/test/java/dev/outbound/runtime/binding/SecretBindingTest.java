package dev.outbound.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.outbound.binding.Secret;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBindingTest {

  static Object create(Map<String, String> node) {
    return new SecretBindingFactory()
        .create(
            "TOKEN",
            Config.just(ConfigSources.create(node)),
            new BindingContext(Path.of("."), SecretBindingTest.class.getClassLoader(), null));
  }

  @Test
  void readsAFileWithoutItsFinalNewlineAndNeverPrintsTheValue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "s3cr3t-value\n");
    Secret secret = (Secret) create(Map.of("type", "secret", "file", file.toString()));
    assertEquals("TOKEN", secret.name());
    assertEquals("s3cr3t-value", secret.value());
    assertFalse(secret.toString().contains("s3cr3t"), secret.toString());
  }

  @Test
  void readsAnEnvironmentVariable() {
    String path = System.getenv("PATH");
    Secret secret = (Secret) create(Map.of("type", "secret", "env", "PATH"));
    assertEquals(path, secret.value());
  }

  @Test
  void saysWhatIsWrong(@TempDir Path dir) {
    assertEquals(
        "outbound.bindings.TOKEN: environment variable OUTBOUND_SURELY_UNSET_VARIABLE is not set",
        assertThrows(
                InvalidBindingException.class,
                () -> create(Map.of("env", "OUTBOUND_SURELY_UNSET_VARIABLE")))
            .getMessage());
    assertEquals(
        "outbound.bindings.TOKEN needs exactly one of env: VARIABLE or file: PATH",
        assertThrows(InvalidBindingException.class, () -> create(Map.of("type", "secret")))
            .getMessage());
    assertEquals(
        "outbound.bindings.TOKEN needs exactly one of env: VARIABLE or file: PATH",
        assertThrows(
                InvalidBindingException.class, () -> create(Map.of("env", "PATH", "file", "/x")))
            .getMessage());
    String missingFile =
        assertThrows(
                InvalidBindingException.class,
                () -> create(Map.of("file", dir.resolve("none").toString())))
            .getMessage();
    assertEquals(
        true,
        missingFile.startsWith("outbound.bindings.TOKEN: cannot read secret file "),
        missingFile);
  }
}
