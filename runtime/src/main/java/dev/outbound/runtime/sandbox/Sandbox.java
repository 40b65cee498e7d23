package dev.outbound.runtime.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.outbound.runtime.tls.TrustBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A command running in a bubblewrap sandbox (SPEC §4.9) whose only way out is its instance's proxy,
 * through a unix socket of its own. Closing it kills whatever still runs and removes its private
 * directories.
 */
public final class Sandbox implements AutoCloseable {

    /** In {@code /proc/<pid>/status}, the ids a process has in each PID namespace, innermost last. */
    private static final String NAMESPACE_PIDS = "NSpid:";
    /** bubblewrap's init is 1 in the sandbox's PID namespace and starts the command as 2. */
    private static final String COMMAND_PID_INSIDE = "2";

    private final Path runDir;
    private final Path socketPath;
    private final ProxyRoute route;
    private final Process process;

    private Sandbox(Path runDir, Path socketPath, ProxyRoute route, Process process) {
        this.runDir = runDir;
        this.socketPath = socketPath;
        this.route = route;
        this.process = process;
    }

    public static Builder builder(ProxyRoute route, List<String> command) {
        return new Builder(route, command);
    }

    /** The bubblewrap process; its streams are the command's unless they were inherited. */
    public Process process() {
        return process;
    }

    /** Where the sandbox's proxy socket is on the host; inside it is {@code /run/outbound/proxy.sock}. */
    public Path socketPath() {
        return socketPath;
    }

    /** The command's exit code, or 128 + the signal that killed it. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Sends a signal ({@code INT}, {@code TERM}) to the command itself: bubblewrap passes none on. Before the
     * command has started, the whole sandbox is ended instead.
     */
    public void signal(String name) {
        Optional<ProcessHandle> command = process.descendants().filter(Sandbox::isCommand).findFirst();
        if (command.isEmpty()) {
            process.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", name, Long.toString(command.get().pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            // bwrap's --die-with-parent and the PID namespace take everything inside along
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        route.close();
        deleteQuietly(runDir);
    }

    private static boolean isCommand(ProcessHandle handle) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status")).stream()
                    .filter(line -> line.startsWith(NAMESPACE_PIDS))
                    .anyMatch(line -> line.endsWith("\t" + COMMAND_PID_INSIDE));
        } catch (IOException e) {
            return false; // already gone
        }
    }

    /** Best effort: what the command left in its working directory is the only thing in there. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is no reason to fail the run
        }
    }

    /** Builds and starts a {@link Sandbox}. */
    public static final class Builder {

        private final ProxyRoute route;
        private final List<String> command;
        private HostSecrets hidden = HostSecrets.NONE;
        private boolean inheritIo;
        private String caCertPem;

        private Builder(ProxyRoute route, List<String> command) {
            this.route = Objects.requireNonNull(route, "route");
            this.command = List.copyOf(command);
        }

        /** What the sandbox must not read; see {@link HostSecrets}. */
        public Builder hiding(HostSecrets hidden) {
            this.hidden = hidden;
            return this;
        }

        /** The command uses the launcher's stdin, stdout and stderr instead of pipes. */
        /** Hands the proxy's CA (PEM) to the command, for intercepted HTTPS (SPEC §4.7). */
        public Builder trusting(String caCertPem) {
            this.caCertPem = caCertPem;
            return this;
        }

        public Builder inheritIo() {
            this.inheritIo = true;
            return this;
        }

        /**
         * Creates the sandbox's private directories and socket, and starts the command.
         *
         * @throws UncheckedIOException when bubblewrap cannot be started or the directories not created
         */
        public Sandbox start() {
            Path runDir;
            try {
                runDir = Files.createTempDirectory("outbound-sandbox-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the sandbox's directory: " + e.getMessage(), e);
            }
            try {
                Path socketDir = Files.createDirectory(runDir.resolve("proxy"));
                Path workDir = Files.createDirectory(runDir.resolve("work"));
                Path socketPath = socketDir.resolve(Bubblewrap.SOCKET_NAME);
                route.listen(socketPath);
                // the parent holds every other sandbox's socket directory
                List<Path> hiddenDirs = Stream.concat(Stream.of(runDir.getParent()), hidden.directories().stream())
                        .toList();
                ProcessBuilder builder = new ProcessBuilder(
                        Bubblewrap.command(socketDir, workDir, hiddenDirs, hidden.files(), command));
                builder.environment().clear();
                builder.environment().putAll(SandboxEnvironment.of(System.getenv(), hidden.variables(),
                        route.proxyUserInfo(), workDir, writeCaFiles(socketDir)));
                if (inheritIo) {
                    builder.inheritIO();
                }
                return new Sandbox(runDir, socketPath, route, builder.start());
            } catch (IOException e) {
                abandon(runDir);
                throw new UncheckedIOException("cannot start the sandbox: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                abandon(runDir);
                throw e;
            }
        }

        /** The CA files, written next to the socket, which the sandbox sees read-only at SOCKET_DIR. */
        private SandboxEnvironment.CaFiles writeCaFiles(Path socketDir) throws IOException {
            if (caCertPem == null) {
                return null;
            }
            TrustBundle bundle = new TrustBundle(caCertPem);
            Path inside = Path.of(Bubblewrap.SOCKET_DIR);
            return new SandboxEnvironment.CaFiles(
                    inside.resolve(bundle.writeCaFile(socketDir).getFileName()),
                    inside.resolve(bundle.writeBundleWithSystemCas(socketDir).getFileName()));
        }

        private void abandon(Path runDir) {
            route.close();
            deleteQuietly(runDir);
        }
    }
}
