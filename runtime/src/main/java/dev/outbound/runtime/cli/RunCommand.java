package dev.outbound.runtime.cli;

import dev.outbound.runtime.admin.AdminToken;
import dev.outbound.runtime.config.InvalidConfigException;
import dev.outbound.runtime.config.ListenerAddress;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.config.OutboundConfigReader;
import dev.outbound.runtime.sandbox.Executables;
import dev.outbound.runtime.sandbox.HostSecrets;
import dev.outbound.runtime.sandbox.InstanceSocket;
import dev.outbound.runtime.sandbox.RemoteServer;
import dev.outbound.runtime.sandbox.Sandbox;
import dev.outbound.runtime.sandbox.SignalForwarding;
import dev.outbound.runtime.sandbox.Teardown;
import dev.outbound.runtime.server.Admin;
import dev.outbound.runtime.server.AdminException;
import dev.outbound.runtime.server.CreatedContainer;
import dev.outbound.runtime.server.OutboundServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code run --container CLASS [--name NAME] [--config FILE] [--data-dir DIR] [--server ADMIN_URL] -- COMMAND
 * [ARGS...]}: registers an instance, runs the command in a sandbox whose only way out is that instance's
 * proxy (SPEC §4.9), deregisters the instance (its durable state stays) and exits with the command's exit
 * code. The server runs in this process, unless {@code --server} names a running one's admin API.
 */
final class RunCommand {

    static final String USAGE = "run --container CLASS [--name NAME] [--config FILE] [--data-dir DIR]"
            + " [--server ADMIN_URL] -- COMMAND [ARGS...]";
    /** Why the command did not run: one line, then this status. */
    private static final int REFUSED = 2;

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream err) throws IOException, InterruptedException {
        int separator = args.indexOf("--");
        List<String> command = separator < 0 ? List.of() : List.copyOf(args.subList(separator + 1, args.size()));
        Flags flags = Flags.parse(separator < 0 ? args : args.subList(0, separator),
                Set.of("container", "name", "config", "data-dir", "server"));
        if (!flags.positional().isEmpty()) {
            throw new UsageException("run takes its command after --, was given " + flags.positional());
        }
        String className = flags.value("container").orElseThrow(() -> new UsageException("run needs --container CLASS"));
        if (command.isEmpty()) {
            return refuse(err, "run needs a command after --: outbound " + USAGE);
        }
        String path = System.getenv("PATH");
        List<String> missingTools = Executables.missingTools(path);
        if (!missingTools.isEmpty()) {
            return refuse(err, "run needs " + String.join(" and ", missingTools) + ": " + Executables.INSTALL_TOOLS);
        }
        if (Executables.find(command.get(0), path).isEmpty()) {
            return refuse(err, "no such command: " + command.get(0)
                    + (command.get(0).contains("/") ? " (give an absolute path)" : " (not on PATH)"));
        }
        OutboundConfig config;
        try {
            OutboundConfig.Builder builder = OutboundConfigReader.read(
                    OutboundConfigReader.load(flags.value("config").map(Path::of))).toBuilder();
            flags.value("data-dir").map(Path::of).ifPresent(builder::dataDir);
            config = builder.build();
        } catch (InvalidConfigException e) {
            return refuseConfig(err, e);
        }
        String name = flags.value("name").orElse(null);
        Teardown teardown = Teardown.onShutdown();
        try {
            return flags.value("server").isPresent()
                    ? runOnServer(URI.create(flags.value("server").get()), config, className, name, command, err, teardown)
                    : runInProcess(config, className, name, command, err, teardown);
        } finally {
            teardown.run();
        }
    }

    private static int runInProcess(OutboundConfig config, String className, String name, List<String> command,
            PrintStream err, Teardown teardown) throws InterruptedException {
        // stderr is the command's: only the server's warnings and errors belong there
        Logger.getLogger("").setLevel(Level.WARNING);
        OutboundServer server;
        try {
            server = OutboundServer.builder(config.toBuilder()
                    .proxy(new ListenerAddress(OutboundConfig.LOOPBACK, 0))
                    .admin(new ListenerAddress(OutboundConfig.LOOPBACK, 0))
                    .build()).build().start();
        } catch (InvalidConfigException e) {
            return refuseConfig(err, e);
        }
        teardown.add(server::stop);
        CreatedContainer created;
        try {
            created = register(server.admin(), className, name);
        } catch (AdminException e) {
            return refuse(err, e.getMessage());
        }
        String id = created.instance().id();
        teardown.add(() -> server.admin().delete(id));
        return runSandbox(Sandbox.builder(new InstanceSocket(server.admin(), id), command)
                .hiding(HostSecrets.of(config)).trusting(created.caCertPem()), teardown);
    }

    /**
     * Only this process serves the data directory while it runs, so an instance of the same name and class
     * still registered was left by a run that was killed before it could deregister: it is replaced, and
     * the new one, with the same id, finds the same durable state.
     */
    private static CreatedContainer register(Admin admin, String className, String name) {
        if (name != null) {
            admin.list().stream()
                    .filter(instance -> instance.name().equals(name) && instance.className().equals(className))
                    .forEach(instance -> admin.delete(instance.id()));
        }
        return admin.create(className, name);
    }

    private static int runOnServer(URI adminUrl, OutboundConfig config, String className, String name,
            List<String> command, PrintStream err, Teardown teardown) throws IOException, InterruptedException {
        RemoteServer server = new RemoteServer(adminUrl, AdminToken.read(config.dataDir()));
        RemoteServer.Registered registered;
        try {
            registered = server.register(className, name);
        } catch (AdminException e) {
            return refuse(err, e.getMessage());
        }
        teardown.add(() -> {
            try {
                server.deregister(registered.id());
            } catch (IOException | InterruptedException | AdminException e) {
                err.println("outbound: could not deregister container " + registered.id() + ": " + e.getMessage());
            }
        });
        return runSandbox(Sandbox.builder(registered.route(), command).hiding(HostSecrets.of(config))
                .trusting(registered.caCertPem()), teardown);
    }

    private static int runSandbox(Sandbox.Builder builder, Teardown teardown) throws InterruptedException {
        SignalForwarding signals = SignalForwarding.install();
        Sandbox sandbox = builder.inheritIo().start();
        teardown.add(sandbox::close);
        signals.to(sandbox);
        return sandbox.waitFor();
    }

    private static int refuse(PrintStream err, String message) {
        err.println("outbound: " + message);
        return REFUSED;
    }

    private static int refuseConfig(PrintStream err, InvalidConfigException e) {
        err.println("outbound: refusing to start, the configuration has " + e.problems().size() + " problem(s):");
        e.problems().forEach(problem -> err.println("  " + problem));
        return 1;
    }
}
