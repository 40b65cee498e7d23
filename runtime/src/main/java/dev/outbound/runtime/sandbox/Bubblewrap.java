package dev.outbound.runtime.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a sandbox with bubblewrap: new network, PID, IPC and UTS namespaces; the
 * host's file system read-only; a private {@code /tmp}, {@code /run} and working directory; and inside,
 * a socat bridge from {@code 127.0.0.1:3128} to the instance's proxy socket, started before the command.
 */
final class Bubblewrap {

    /** Where the proxy socket's directory appears inside. */
    static final String SOCKET_DIR = "/run/outbound";
    static final String SOCKET_NAME = "proxy.sock";
    static final int PROXY_PORT = 3128;
    /** The launcher's own failure inside the sandbox, as {@code docker run} reports its own (125). */
    static final int BRIDGE_FAILED = 125;

    /**
     * Starts socat outside the command's process tree, so that a shell's bare {@code wait} does not wait
     * for it; waits (at most 5 s) until it listens, then becomes the command, whose exit code and signals
     * are then the sandbox's. In /proc/net/tcp, {@code 0100007F:0C38} is 127.0.0.1:3128 and {@code 0A} LISTEN.
     */
    private static final String BRIDGE_THEN_COMMAND = """
            (socat TCP-LISTEN:%d,bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:%s/%s \
            </dev/null >/dev/null 2>&1 &)
            tries=0
            until grep -q ' 0100007F:%04X 00000000:0000 0A' /proc/net/tcp; do
              tries=$((tries + 1))
              if [ "$tries" -gt 500 ]; then echo 'outbound: the proxy bridge (socat) did not start' >&2; exit %d; fi
              sleep 0.01
            done
            exec "$@"
            """.formatted(PROXY_PORT, SOCKET_DIR, SOCKET_NAME, PROXY_PORT, BRIDGE_FAILED);

    private Bubblewrap() {
    }

    /**
     * @param socketDir   the host directory holding this sandbox's proxy socket, and nothing else
     * @param workDir     the private writable working directory, the same path inside as outside
     * @param hiddenDirs  host directories that appear empty inside (the data directory, other sandboxes' sockets)
     * @param hiddenFiles host files that cannot be read inside (secrets)
     */
    static List<String> command(Path socketDir, Path workDir, List<Path> hiddenDirs, List<Path> hiddenFiles,
            List<String> command) {
        List<String> args = new ArrayList<>(List.of(
                // its own session: no terminal to push keystrokes into (TIOCSTI), and Ctrl-C reaches only
                // the launcher, which forwards it to the command instead of killing bwrap with it
                "setsid", "bwrap",
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--die-with-parent",
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                // unix sockets on a read-only mount still connect: /run (docker.sock, D-Bus, ...) and
                // /tmp (X11, agents, other sandboxes' proxy sockets) must not be there at all
                "--tmpfs", "/tmp",
                "--tmpfs", "/run"));
        for (Path dir : hiddenDirs) {
            args.addAll(List.of("--tmpfs", dir.toString()));
        }
        for (Path file : hiddenFiles) {
            args.addAll(List.of("--ro-bind", "/dev/null", file.toString()));
        }
        args.addAll(List.of(
                "--bind", workDir.toString(), workDir.toString(),
                "--ro-bind", socketDir.toString(), SOCKET_DIR,
                "--chdir", workDir.toString(),
                "--", "sh", "-c", BRIDGE_THEN_COMMAND, "outbound-sandbox"));
        args.addAll(command);
        return args;
    }
}
