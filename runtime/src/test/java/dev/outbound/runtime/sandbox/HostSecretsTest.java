package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outbound.runtime.config.OutboundConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSecretsTest {

    @TempDir
    Path dir;

    @Test
    void hidesTheDataDirectoryAndWhereEverySecretComesFrom() throws IOException {
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        Path secretFile = Files.writeString(dir.resolve("token"), "secret\n");
        OutboundConfig config = OutboundConfig.builder(dataDir)
                .binding("FROM_ENV", node(Map.of("type", "secret", "env", "GITHUB_TOKEN")))
                .binding("FROM_FILE", node(Map.of("type", "secret", "file", secretFile.toString())))
                .binding("NOT_A_SECRET", node(Map.of("type", "kv", "file", dir.resolve("kv.db").toString())))
                .build();

        HostSecrets secrets = HostSecrets.of(config);

        assertEquals(List.of(dataDir.toAbsolutePath()), secrets.directories());
        assertEquals(List.of(secretFile.toAbsolutePath()), secrets.files());
        assertEquals(List.of("GITHUB_TOKEN"), secrets.variables());
    }

    private static Config node(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }
}
