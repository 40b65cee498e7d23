package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./outbound run} with the example classes, as a user types it: the README's first command, and the
 * {@code api-gateway} class's status host. Skipped, with the server's own message, while the examples jar
 * cannot start because a binding type its classes need is not available yet.
 */
class SandboxIT {

  private static final Path REPO = Path.of(System.getProperty("outbound.repo")).toAbsolutePath().normalize();
  private static final String BINDING_TYPE_MISSING = "no binding type provides";

  @TempDir
  Path dir;

  @Test
  void readmeCommandStoresAValueAndShowsTheDenialForAHostNoRuleAllows() {
    ProcessResult result = Processes.run(dir, Duration.ofMinutes(3), Processes.javaEnv(), List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "my-app", "--",
        "sh", "-c", "curl -s -X PUT --data hello http://my.kv/greeting; curl -s http://my.kv/greeting; echo;"
            + " curl -s http://example.com/"));
    skipWhileTheExamplesCannotStart(result);

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("hello\n{\"error\":\"egress_denied\",\"host\":\"example.com\",\"port\":80,"
        + "\"reason\":\"host is not in allowedHosts\",\"rule\":\"allowedHosts\"}", result.output());
  }

  @Test
  void apiGatewayAnswersItsStatusHostInsideTheSandbox() throws IOException {
    Path config = Files.writeString(dir.resolve("outbound.yaml"), """
        outbound:
          bindings:
            API_TOKEN:
              type: secret
              env: API_TOKEN
        """);
    Map<String, String> env = new HashMap<>(Processes.javaEnv());
    env.put("API_TOKEN", "token-the-sandbox-never-sees");

    ProcessResult result = Processes.run(dir, Duration.ofMinutes(3), env, List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "api-gateway", "--config", config.toString(), "--",
        "sh", "-c", "curl -s -S http://status.gateway/; echo \"API_TOKEN=${API_TOKEN:-unset}\""));
    skipWhileTheExamplesCannotStart(result);

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("gateway ok\nAPI_TOKEN=unset\n", result.output());
  }

  private static void skipWhileTheExamplesCannotStart(ProcessResult result) {
    assumeFalse(result.output().contains(BINDING_TYPE_MISSING),
        () -> "the examples jar cannot start yet:\n" + result.output());
  }
}
