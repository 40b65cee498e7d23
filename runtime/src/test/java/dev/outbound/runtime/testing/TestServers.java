package dev.outbound.runtime.testing;

import dev.outbound.runtime.config.Limits;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Servers on free loopback ports with the test classes' bindings configured. */
public final class TestServers {

  public static final String API_TOKEN = "token-from-a-secret-file";

  private TestServers() {}

  /** Ports 0, a short handler limit, and the {@code API_TOKEN} secret read from a file. */
  public static OutboundConfig.Builder config(Path dataDir) {
    Path secret = dataDir.resolveSibling(dataDir.getFileName() + "-api-token");
    try {
      Files.writeString(secret, API_TOKEN + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return OutboundConfig.builder(dataDir)
        .proxyPort(0)
        .adminPort(0)
        .shutdownGrace(Duration.ofSeconds(2))
        .limits(new Limits(64 * 1024, 8 * 1024, Duration.ofSeconds(2)))
        .binding("API_TOKEN", secretNode(secret));
  }

  public static Config secretNode(Path file) {
    return Config.just(ConfigSources.create(Map.of("type", "secret", "file", file.toString())));
  }

  public static OutboundServer start(OutboundConfig.Builder config) {
    return OutboundServer.builder(config.build()).build().start();
  }

  /** The {@code Proxy-Authorization} value for a registered container. */
  public static String proxyAuthorization(CreatedContainer container) {
    return basic(container.instance().id(), container.token());
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
