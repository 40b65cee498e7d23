package dev.outbound.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.json.Json;
import dev.outbound.runtime.server.OutboundServer;
import dev.outbound.runtime.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void wrongCommandLinesPrintUsageAndExit2() throws Exception {
        for (String[] args : new String[][] {{}, {"bogus"}, {"serve", "--bogus", "1"}, {"serve", "--port", "99999"},
                {"serve", "--port"}, {"containers"}, {"containers", "frobnicate"}, {"containers", "create"},
                {"containers", "delete"}, {"containers", "list", "--colour", "red"}}) {
            assertEquals(2, run(args), String.join(" ", args));
            assertTrue(err().contains("usage: outbound serve [--config FILE]"), err());
        }
        run("serve", "--bogus", "1");
        assertTrue(err().startsWith("outbound: unknown flag --bogus"), err());
    }

    @Test
    void serveRefusesABadConfigurationWithOneLinePerProblem() throws Exception {
        Path config = dir.resolve("outbound.yaml");
        Files.writeString(config, "outbound:\n  denial-status: 200\n  proxy: {port: -1}\n");
        assertEquals(1, run("serve", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()));
        assertTrue(err().contains("  outbound.proxy.port must be a port 0..65535 (0 picks a free one), was -1\n"), err());
        assertTrue(err().contains("  outbound.denial-status must be an error status 400..599, was 200\n"), err());
    }

    @Test
    void serveRefusesABindingProblemFoundAtStart() throws Exception {
        Path config = dir.resolve("outbound.yaml");
        Files.writeString(config, "outbound:\n  proxy: {port: 0}\n  admin: {port: 0}\n");
        assertEquals(1, run("serve", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()));
        assertTrue(err().contains("  binding API_TOKEN needed by test-app"), err());
    }

    @Test
    void serveSaysWhyItCannotStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path secret = dir.resolve("token");
            Files.writeString(secret, "t");
            Path config = dir.resolve("outbound.yaml");
            Files.writeString(config, "outbound:\n  admin: {port: 0}\n  bindings:\n    API_TOKEN: {type: secret, file: "
                    + secret + "}\n");
            assertEquals(1, run("serve", "--config", config.toString(), "--port", Integer.toString(taken.getLocalPort()),
                    "--data-dir", dir.resolve("data").toString()));
            assertTrue(err().startsWith("outbound: cannot start: "), err());
        }
    }

    @Test
    void containersCommandsTalkToARunningServer() throws Exception {
        Path data = dir.resolve("data");
        OutboundServer server = TestServers.start(TestServers.config(data));
        try {
            String admin = "http://127.0.0.1:" + server.adminPort();
            assertEquals(0, run("containers", "create", "--class", "test-app", "--name", "cli-made",
                    "--admin", admin, "--data-dir", data.toString()), err());
            Map<String, Object> created = Json.parseObject(out().strip());
            assertEquals("cli-made", created.get("name"));
            assertTrue(((String) created.get("proxyUrl")).startsWith("http://" + created.get("id") + ":"));

            assertEquals(0, run("containers", "list", "--admin", admin, "--data-dir", data.toString()));
            assertTrue(out().contains("\"cli-made\""), out());

            assertEquals(0, run("containers", "delete", (String) created.get("id"), "--admin", admin,
                    "--data-dir", data.toString()));
            assertEquals(1, run("containers", "delete", (String) created.get("id"), "--admin", admin,
                    "--data-dir", data.toString()));
            assertTrue(err().contains("404"), err());

            assertEquals(1, run("containers", "list", "--admin", admin, "--data-dir", dir.resolve("elsewhere").toString()));
            assertTrue(err().contains("no admin token"), err());
        } finally {
            server.stop();
        }
    }
}
