package dev.outbound.runtime.sandbox;

import dev.outbound.spi.ContainerDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes {@code sandbox-app} loadable beside the shared test classes without listing it in the shared
 * service file, whose contents other tests check: a class path entry holding a service file of its own.
 */
final class SandboxAppClassPath {

    private SandboxAppClassPath() {
    }

    /** Writes the entry under {@code dir} and returns it. */
    static Path entry(Path dir) {
        Path root = dir.resolve("sandbox-app-services");
        Path file = root.resolve("META-INF/services/" + ContainerDefinition.class.getName());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, SandboxAppDefinition.class.getName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** The test class path plus the entry, for a server in this JVM. */
    static ClassLoader loader(Path dir) {
        try {
            return new URLClassLoader(new URL[] {entry(dir).toUri().toURL()}, SandboxAppClassPath.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
