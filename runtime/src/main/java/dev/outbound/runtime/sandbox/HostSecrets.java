package dev.outbound.runtime.sandbox;

import dev.outbound.runtime.config.OutboundConfig;
import io.helidon.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sandbox must not read although the host file system is visible to it: the data directory
 * (admin token, every instance's durable state) and where the configured secrets come from (SPEC §3.4:
 * a container never sees a secret).
 *
 * @param directories appear empty inside
 * @param files       cannot be read inside
 * @param variables   environment variables left out of the sandbox's environment
 */
public record HostSecrets(List<Path> directories, List<Path> files, List<String> variables) {

    public static final HostSecrets NONE = new HostSecrets(List.of(), List.of(), List.of());

    public HostSecrets {
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        variables = List.copyOf(variables);
    }

    /** The data directory and the secret bindings of a configuration; only what exists can be hidden. */
    public static HostSecrets of(OutboundConfig config) {
        List<Path> directories = new ArrayList<>();
        if (Files.isDirectory(config.dataDir())) {
            directories.add(config.dataDir().toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (Config binding : config.bindings().values()) {
            if (!binding.get("type").asString().orElse("").equals("secret")) {
                continue;
            }
            binding.get("env").asString().ifPresent(variables::add);
            binding.get("file").asString().map(Path::of).filter(Files::isRegularFile)
                    .ifPresent(file -> files.add(file.toAbsolutePath()));
        }
        return new HostSecrets(directories, files, variables);
    }
}
