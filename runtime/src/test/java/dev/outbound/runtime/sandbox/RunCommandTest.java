package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.identity.ContainerRegistry;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.TestServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outbound run} end to end, each run its own JVM: exit codes, streams and signals come through
 * unchanged, bad input is one line and status 2, the instance is deregistered, and nothing is left running.
 */
class RunCommandTest {

    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void writeConfig() throws IOException {
        Path secret = Files.writeString(dir.resolve("api-token"), TestServers.API_TOKEN + "\n");
        config = Files.writeString(dir.resolve("outbound.yaml"), """
                outbound:
                  bindings:
                    API_TOKEN:
                      type: secret
                      file: %s
                """.formatted(secret));
    }

    @Test
    void exitsWithTheCommandsExitCode() {
        assertEquals(7, run("sh", "-c", "exit 7").exitCode());
    }

    @Test
    void passesStdoutStderrAndStdinThroughUnchanged() {
        Finished run = Launcher.run(dir, args("sh", "-c", "cat; echo to-stderr >&2"), "from stdin\n");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("from stdin\n", run.stdout());
        assertEquals("to-stderr\n", run.stderr());
    }

    @Test
    void reachesItsHandlerThroughTheProxyAndDeregistersAfterwards() throws IOException {
        Path dataDir = dir.resolve("deregisters");
        Finished run = Launcher.run(dir, args(dataDir, List.of("--name", "worker"), "curl", "-s", "-S", "http://whoami.test/"), "");
        Finished again = Launcher.run(dir, args(dataDir, List.of("--name", "worker"), "curl", "-s", "-S", "http://whoami.test/"), "");

        assertTrue(run.stdout().startsWith("container=") && run.stdout().contains(" name=worker "), run.stdout() + run.stderr());
        assertEquals(run.stdout(), again.stdout(), "a named instance has the same id every time");
        assertEquals(List.of(), ContainerRegistry.open(dataDir).list());
    }

    @Test
    void usesARunningServerThroughItsAdminApi() throws IOException {
        Path dataDir = dir.resolve("running-server");
        OutboundServer server = OutboundServer.builder(TestServers.config(dataDir).build())
                .classLoader(SandboxAppClassPath.loader(dir))
                .build()
                .start();
        try {
            Finished run = Launcher.run(dir, args(dataDir, List.of("--server", "http://127.0.0.1:" + server.adminPort()),
                    "curl", "-s", "-S", "http://whoami.test/"), "");

            assertTrue(run.stdout().startsWith("container="), run.stdout() + run.stderr());
            assertEquals(List.of(), server.admin().list());
        } finally {
            server.stop();
        }
    }

    @Test
    void forwardsSigtermToTheCommand() throws Exception {
        assertEquals(42, runUntilReadyThenSignal("TERM", "trap 'exit 42' TERM"));
    }

    @Test
    void forwardsSigintToTheCommand() throws Exception {
        assertEquals(43, runUntilReadyThenSignal("INT", "trap 'exit 43' INT"));
    }

    @Test
    void aCommandKilledBySigkillLeavesNothingBehind() {
        String marker = marker();
        // the inner shell carries the marker as its $0; its trailing ":" keeps it from becoming sleep
        Finished run = run("sh", "-c", "sh -c 'sleep 300; :' \"$0\" & kill -9 $$", marker);

        assertEquals(128 + 9, run.exitCode(), run.stderr());
        assertEquals(List.of(), processesWith(marker));
    }

    @Test
    void nothingIsLeftRunningAfterTheLauncherIsKilled() throws Exception {
        String marker = marker();
        Process launcher = Launcher.start(dir, args("sh", "-c", "echo ready; sleep 300", marker));
        awaitReady(launcher);
        List<ProcessHandle> sandbox = launcher.descendants().toList();
        assertFalse(sandbox.isEmpty());

        launcher.destroyForcibly().waitFor();

        for (int i = 0; i < 100 && sandbox.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), sandbox.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        assertEquals(List.of(), processesWith(marker));
    }

    @Test
    void anUnknownContainerClassIsOneLineAndStatus2() {
        Finished run = Launcher.run(dir, List.of("--container", "no-such-class", "--config", config.toString(),
                "--data-dir", dir.resolve("data").toString(), "--", "true"), "");
        assertEquals(2, run.exitCode());
        assertOneLine(run, "outbound: unknown container class no-such-class; loaded classes: ");
    }

    @Test
    void aMissingCommandIsOneLineAndStatus2() {
        Finished run = Launcher.run(dir, List.of("--container", "sandbox-app", "--"), "");
        assertEquals(2, run.exitCode());
        assertOneLine(run, "outbound: run needs a command after --: ");
    }

    @Test
    void aCommandThatDoesNotExistIsOneLineAndStatus2() {
        Finished run = run("no-such-command-" + marker());
        assertEquals(2, run.exitCode());
        assertOneLine(run, "outbound: no such command: no-such-command-");
    }

    private static Finished run(String... command) {
        return Launcher.run(dir, args(command), "");
    }

    private static List<String> args(String... command) {
        return args(dir.resolve("data"), List.of(), command);
    }

    private static List<String> args(Path dataDir, List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("--container", "sandbox-app", "--config", config.toString(),
                "--data-dir", dataDir.toString()));
        args.addAll(flags);
        args.add("--");
        args.addAll(List.of(command));
        return args;
    }

    /** Starts a command that traps a signal, sends the signal to the launcher once it is ready, and waits. */
    private static int runUntilReadyThenSignal(String signal, String trap) throws Exception {
        Process launcher = Launcher.start(dir, args("sh", "-c",
                trap + "; echo ready; i=0; while [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done; exit 1"));
        awaitReady(launcher);
        new ProcessBuilder("kill", "-s", signal, Long.toString(launcher.pid())).start().waitFor();
        return Finished.of(launcher, "").exitCode();
    }

    private static void awaitReady(Process launcher) throws IOException {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", stdout.readLine(), "the command's first line");
    }

    private static void assertOneLine(Finished run, String prefix) {
        assertTrue(run.stderr().startsWith(prefix) && run.stderr().indexOf('\n') == run.stderr().length() - 1,
                "one line starting with " + prefix + ", was: " + run.stderr());
    }

    private static String marker() {
        return "outbound-test-" + UUID.randomUUID();
    }

    /** Every process whose command line has the marker in it. */
    private static List<String> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(marker))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
    }
}
