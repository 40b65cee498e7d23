package dev.outbound.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./outbound run} with the example classes, as a user types it: the README's first command, and the
 * {@code api-gateway} class's status host with its secret kept out of the sandbox.
 */
class SandboxIT {

  private static final Path REPO = Path.of(System.getProperty("outbound.repo")).toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void readmeCommandStoresAValueAndShowsTheDenialForAHostNoRuleAllows() {
    ProcessResult result = Processes.run(dir, Duration.ofMinutes(3), Processes.javaEnv(), List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "my-app", "--",
        "sh", "-c", "curl -s -X PUT --data hello http://my.kv/greeting; curl -s http://my.kv/greeting; echo;"
            + " curl -s http://example.com/"));

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("hello\n{\"error\":\"egress_denied\",\"host\":\"example.com\",\"port\":80,"
        + "\"reason\":\"host is not in allowedHosts\",\"rule\":\"allowedHosts\"}", result.output());
  }

  @Test
  void httpsToAnInterceptedHostIsServedByTheSameHandlerAndVerifiedWithTheCaTheSandboxWasGiven() {
    ProcessResult result = Processes.run(dir, Duration.ofMinutes(3), Processes.javaEnv(), List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "my-app", "--",
        "sh", "-c", "curl -s -S -X PUT --data secure https://my.kv/tls-key; curl -s -S http://my.kv/tls-key; echo;"
            + " echo \"$SSL_CERT_FILE $NODE_EXTRA_CA_CERTS\""));

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("secure\n/run/outbound/outbound-ca-bundle.crt /run/outbound/outbound-ca.crt\n", result.output());
  }

  @Test
  void apiGatewayAnswersItsStatusHostAndItsSecretStaysOutside() {
    Map<String, String> env = new HashMap<>(Processes.javaEnv());
    env.put("OUTBOUND_EXAMPLE_API_TOKEN", "token-the-sandbox-never-sees");

    ProcessResult result = Processes.run(dir, Duration.ofMinutes(3), env, List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "api-gateway", "--",
        "sh", "-c", "curl -s -S http://status.gateway/; echo \"token=${OUTBOUND_EXAMPLE_API_TOKEN:-unset}\""));

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("gateway ok\ntoken=unset\n", result.output());
  }

  @Test
  void aNamedInstanceFindsItsDurableStateAgainAndNoOtherInstanceSeesIt() {
    run("alice", "curl -s -X PUT --data cheese http://get-state.do/favorite");

    assertEquals("cheese", run("alice", "curl -s -X POST --data favorite http://get-state.do/").output());
    assertEquals("404", run("bob", "curl -s -o /dev/null -w '%{http_code}' -X POST --data favorite http://get-state.do/")
        .output());
  }

  private ProcessResult run(String name, String script) {
    return Processes.run(dir, Duration.ofMinutes(3), Processes.javaEnv(), List.of(
        REPO.resolve("outbound").toString(), "run", "--container", "my-container", "--name", name, "--",
        "sh", "-c", script)).assertSuccess("outbound run --name " + name);
  }
}
