package dev.outbound.runtime.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code outbound run} as its own JVM, started the way the launcher script starts it, with {@code sandbox-app}. */
final class Launcher {

    private Launcher() {
    }

    static Process start(Path dir, List<String> args) {
        String classPath = SandboxAppClassPath.entry(dir) + File.pathSeparator + System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                "-cp", classPath, "dev.outbound.runtime.cli.Main", "run"));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Finished run(Path dir, List<String> args, String stdin) {
        return Finished.of(start(dir, args), stdin);
    }
}
