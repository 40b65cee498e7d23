package dev.outbound.runtime.testkit;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bindings a test declares, written as the configuration nodes {@code outbound.yaml} would hold, so
 * that the server's own binding factories make them.
 */
final class BindingDeclarations {

    private final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    private final Map<String, String> secretValues = new LinkedHashMap<>();

    void add(String name, Map<String, String> node) {
        if (nodes.putIfAbsent(name, node) != null) {
            throw new IllegalArgumentException("binding " + name + " is declared twice");
        }
    }

    /** A secret is given to the kit as a value, and reaches the secret factory as a file, as in deployment. */
    void addSecret(String name, String value) {
        add(name, Map.of("type", "secret"));
        secretValues.put(name, value);
    }

    /** The configuration nodes, after writing each secret to {@code <dataDir>/secrets/<NAME>}. */
    Map<String, Config> configNodes(Path dataDir) {
        Map<String, Config> configured = new LinkedHashMap<>();
        nodes.forEach((name, node) -> {
            Map<String, String> values = new LinkedHashMap<>(node);
            if (secretValues.containsKey(name)) {
                values.put("file", writeSecret(dataDir.resolve("secrets"), name, secretValues.get(name)).toString());
            }
            configured.put(name, Config.just(ConfigSources.create(values)));
        });
        return configured;
    }

    private static Path writeSecret(Path directory, String name, String value) {
        Path file = directory.resolve(name);
        if (!directory.equals(file.getParent())) {
            throw new IllegalArgumentException("secret name " + name + " must be usable as a file name");
        }
        // The factory drops one final line break, as editors add one: add one where the value ends in one.
        String content = value.endsWith("\n") ? value + "\n" : value;
        try {
            Files.createDirectories(directory);
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + file, e);
        }
    }
}
