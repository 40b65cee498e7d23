package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OCI container (Podman with runc) pointed at the proxy the portable way (SPEC §4.1): proxy
 * variables carrying its instance's credentials. No image is pulled: the root file system is a static
 * busybox. Skipped, with Podman's own message, where Podman cannot run containers.
 */
class PodmanContainerTest {

    /**
     * Settings that let rootful Podman run without systemd, on hybrid cgroups and without
     * CAP_SYS_RESOURCE (limits may only be lowered), as on CI machines; they work where more is allowed too.
     * The host network, because the proxy listens on the host's loopback.
     */
    private static final List<String> PODMAN_RUN = List.of("podman", "--cgroup-manager=cgroupfs", "--runtime", "runc",
            "run", "--rm", "--network=host", "--cgroupns=host", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1000:1000");

    @TempDir
    static Path dir;
    static OutboundServer server;
    static Path rootfs;

    @BeforeAll
    static void start() throws IOException {
        String path = System.getenv("PATH");
        for (String tool : List.of("podman", "runc", "busybox")) {
            assumeTrue(Executables.find(tool, path).isPresent(), tool + " is not installed");
        }
        rootfs = busyboxRootfs(Executables.find("busybox", path).orElseThrow());
        Finished smoke = podman(List.of(), "/bin/true");
        assumeTrue(smoke.exitCode() == 0, "podman cannot run a container here: " + smoke.stderr().strip());
        server = OutboundServer.builder(TestServers.config(dir.resolve("data")).build())
                .classLoader(SandboxAppClassPath.loader(dir))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aContainerReachesItsHandlerThroughTheProxyUrlOfItsInstance() {
        CreatedContainer container = server.admin().create("sandbox-app", null);

        Finished run = podman(List.of("-e", "http_proxy=" + container.proxyUrl()),
                "/bin/wget", "-q", "-O", "-", "http://whoami.test/from-podman");

        assertEquals("container=" + container.instance().id() + " name=" + container.instance().id()
                + " path=/from-podman\n", run.stdout(), run.stderr());
    }

    @Test
    void aContainerWithoutCredentialsIsRefused() {
        Finished run = podman(List.of("-e", "http_proxy=http://127.0.0.1:" + server.proxyPort()),
                "/bin/wget", "-q", "-O", "-", "http://whoami.test/");

        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("407"), run.stderr());
    }

    private static Finished podman(List<String> options, String... command) {
        List<String> args = new ArrayList<>(PODMAN_RUN);
        args.addAll(options);
        args.addAll(List.of("--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        try {
            return Finished.of(new ProcessBuilder(args).start(), "");
        } catch (IOException e) {
            throw new AssertionError("cannot start podman", e);
        }
    }

    /** A root file system of one static busybox and the applets the tests use. */
    private static Path busyboxRootfs(Path busybox) throws IOException {
        Path root = dir.resolve("rootfs");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(busybox, bin.resolve("busybox"));
        for (String applet : List.of("sh", "true", "wget")) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        return root;
    }
}
