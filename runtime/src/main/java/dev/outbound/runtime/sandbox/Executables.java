package dev.outbound.runtime.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds programs the way the shell inside the sandbox will, before anything is started. */
public final class Executables {

    /** The tools a sandbox is made with, as the Debian packages that hold them. */
    public static final List<String> SANDBOX_TOOLS = List.of("bwrap", "socat");
    public static final String INSTALL_TOOLS = "sudo apt-get install -y bubblewrap socat";

    private Executables() {
    }

    /** The sandbox tools not on {@code path}. */
    public static List<String> missingTools(String path) {
        return SANDBOX_TOOLS.stream().filter(tool -> find(tool, path).isEmpty()).toList();
    }

    /**
     * Where a command runs from: a name with a slash as an absolute path (a relative one would be read in
     * the sandbox's own, empty working directory), any other name searched on {@code path}.
     */
    public static Optional<Path> find(String command, String path) {
        if (command.contains("/")) {
            Path file = Path.of(command);
            return file.isAbsolute() && isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        return Stream.of((path == null ? "" : path).split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(Executables::isExecutable)
                .findFirst();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
