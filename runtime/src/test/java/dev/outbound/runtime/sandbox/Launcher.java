package dev.outbound.runtime.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code outbound run} as its own JVM, started the way the launcher script starts it, with {@code sandbox-app}. */
final class Launcher {

    private Launcher() {
    }

    static Process start(Path dir, List<String> args) {
        String classPath = SandboxAppClassPath.entry(dir) + File.pathSeparator
                + withoutSlf4j(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                "-cp", classPath, "dev.outbound.runtime.cli.Main", "run"));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test class path has SLF4J only because a test-scoped server (s3proxy) brings it, without a
     * binding; the server jar has none, and so should not print SLF4J's warning about that on stderr.
     */
    private static String withoutSlf4j(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.contains(File.separator + "slf4j-"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Finished run(Path dir, List<String> args, String stdin) {
        return Finished.of(start(dir, args), stdin);
    }
}
