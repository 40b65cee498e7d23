package dev.outbound.runtime.cli;

import dev.outbound.runtime.config.InvalidConfigException;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.config.OutboundConfigReader;
import dev.outbound.runtime.server.OutboundServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--config FILE] [--port N] [--admin-port N] [--data-dir DIR]}: runs the server until
 * SIGTERM or SIGINT, then stops it gracefully. Flags win over the file and the environment.
 */
final class ServeCommand {

    static final String USAGE = "serve [--config FILE] [--port N] [--admin-port N] [--data-dir DIR]";

    private ServeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        Flags flags = Flags.parse(args, Set.of("config", "port", "admin-port", "data-dir"));
        if (!flags.positional().isEmpty()) {
            throw new UsageException("serve takes no arguments: " + flags.positional());
        }
        OutboundServer server;
        try {
            OutboundConfig.Builder config = OutboundConfigReader.read(
                    OutboundConfigReader.load(flags.value("config").map(Path::of))).toBuilder();
            flags.port("port").ifPresent(config::proxyPort);
            flags.port("admin-port").ifPresent(config::adminPort);
            flags.value("data-dir").map(Path::of).ifPresent(config::dataDir);
            server = OutboundServer.builder(config.build()).build();
        } catch (InvalidConfigException e) {
            return refused(e, err);
        }
        // registered before starting, so that a SIGTERM that comes early still stops the server
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            try {
                server.stop();
            } finally {
                out.println("outbound: stopped");
                out.flush();
                stopped.countDown();
            }
        }, "outbound-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            server.start();
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            if (e instanceof InvalidConfigException invalid) {
                return refused(invalid, err);
            }
            err.println("outbound: cannot start: " + e.getMessage());
            return 1;
        }
        out.println(server.startLine());
        out.flush();
        stopped.await();
        return 0;
    }

    private static int refused(InvalidConfigException e, PrintStream err) {
        err.println("outbound: refusing to start, the configuration has " + e.problems().size() + " problem(s):");
        e.problems().forEach(problem -> err.println("  " + problem));
        return 1;
    }
}
