package dev.outbound.runtime.config;

import dev.outbound.host.HostPattern;
import dev.outbound.host.InvalidHostPatternException;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code outbound} tree of a Helidon {@link Config} into an {@link OutboundConfig}, collecting
 * every problem of form (bad numbers, ports out of range, bad host patterns, unknown class keys).
 *
 * <p>Keys, all under {@code outbound.}: {@code proxy.host}, {@code proxy.port}, {@code admin.host},
 * {@code admin.port}, {@code data-dir}, {@code denial-status}, {@code limits.max-body-bytes},
 * {@code limits.max-header-bytes}, {@code limits.handler-timeout}, {@code shutdown-grace},
 * {@code classes.<class>.{enable-internet,allowed-hosts,denied-hosts,intercept-https}},
 * {@code bindings.<NAME>.type} and the keys of that binding type, {@code tls.extra-ca-files} (PEM files of
 * certificates that origins may be signed with, besides the JVM's trust store).
 */
public final class OutboundConfigReader {

    private static final Set<String> CLASS_KEYS =
            Set.of("enable-internet", "allowed-hosts", "denied-hosts", "intercept-https");

    private final ConfigProblems problems;

    private OutboundConfigReader(ConfigProblems problems) {
        this.problems = problems;
    }

    /**
     * Reads {@code outbound.yaml} (when given) under the environment: {@code OUTBOUND_PROXY_PORT} overrides
     * {@code outbound.proxy.port}, and so on for every key.
     */
    public static Config load(Optional<Path> file) {
        // Sources named explicitly, the environment first so that it wins: with none, Helidon would go
        // looking for application.yaml files of its own.
        Config.Builder builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.environmentVariables());
        file.ifPresent(path -> {
            if (!Files.isReadable(path)) {
                throw new InvalidConfigException(List.of("config file " + path + " cannot be read"));
            }
            builder.addSource(ConfigSources.file(path));
        });
        return builder.build();
    }

    /** The configuration, or {@link InvalidConfigException} listing every problem of form. */
    public static OutboundConfig read(Config root) {
        ConfigProblems problems = new ConfigProblems();
        OutboundConfig config = new OutboundConfigReader(problems).readOutbound(root.get("outbound"));
        problems.throwIfAny();
        return config;
    }

    private OutboundConfig readOutbound(Config outbound) {
        OutboundConfig.Builder builder = OutboundConfig.builder(Path.of(text(outbound.get("data-dir"), "outbound-data")));
        ListenerAddress proxy = listener(outbound.get("proxy"), OutboundConfig.DEFAULT_PROXY_PORT);
        ListenerAddress admin = listener(outbound.get("admin"), OutboundConfig.DEFAULT_ADMIN_PORT);
        if (!isLoopback(admin.host())) {
            problems.add("outbound.admin.host must be a loopback address (the admin API is never for containers), was "
                    + admin.host());
        }
        if (proxy.port() != 0 && proxy.port() == admin.port()) {
            problems.add("outbound.proxy.port and outbound.admin.port are both " + proxy.port());
        }
        builder.proxy(proxy).admin(admin);
        int denialStatus = integer(outbound.get("denial-status"), OutboundConfig.DEFAULT_DENIAL_STATUS);
        if (denialStatus < 400 || denialStatus > 599) {
            problems.add("outbound.denial-status must be an error status 400..599, was " + denialStatus);
        }
        builder.denialStatus(denialStatus);
        builder.limits(limits(outbound.get("limits")));
        builder.shutdownGrace(duration(outbound.get("shutdown-grace"), OutboundConfig.DEFAULT_SHUTDOWN_GRACE));
        for (Config classNode : children(outbound.get("classes"))) {
            builder.classOverrides(classNode.name(), classOverrides(classNode));
        }
        for (Config bindingNode : children(outbound.get("bindings"))) {
            builder.binding(bindingNode.name(), bindingNode);
        }
        builder.extraTrustedCertificates(certificates(outbound.get("tls").get("extra-ca-files")));
        return builder.build();
    }

    private ListenerAddress listener(Config node, int defaultPort) {
        String host = text(node.get("host"), OutboundConfig.LOOPBACK);
        int port = integer(node.get("port"), defaultPort);
        if (port < 0 || port > 65535) {
            problems.add(key(node.get("port")) + " must be a port 0..65535 (0 picks a free one), was " + port);
        }
        return new ListenerAddress(host, port);
    }

    private Limits limits(Config node) {
        long maxBody = integer(node.get("max-body-bytes"), Limits.DEFAULT.maxBodyBytes());
        if (maxBody < 0) {
            problems.add("outbound.limits.max-body-bytes must not be negative, was " + maxBody);
        }
        long maxHeader = integer(node.get("max-header-bytes"), Limits.DEFAULT.maxHeaderBytes());
        if (maxHeader < 1024 || maxHeader > Integer.MAX_VALUE) {
            problems.add("outbound.limits.max-header-bytes must be at least 1024, was " + maxHeader);
        }
        Duration timeout = duration(node.get("handler-timeout"), Limits.DEFAULT.handlerTimeout());
        if (timeout.isZero() || timeout.isNegative()) {
            problems.add("outbound.limits.handler-timeout must be positive, was " + timeout);
        }
        return new Limits(maxBody, (int) Math.min(maxHeader, Integer.MAX_VALUE), timeout);
    }

    private ClassOverrides classOverrides(Config node) {
        for (Config child : children(node)) {
            if (!CLASS_KEYS.contains(child.name())) {
                problems.add(key(child) + " is not a class setting; use one of " + String.join(", ", CLASS_KEYS.stream().sorted().toList()));
            }
        }
        return new ClassOverrides(
                bool(node.get("enable-internet")),
                patterns(node.get("allowed-hosts")),
                patterns(node.get("denied-hosts")),
                bool(node.get("intercept-https")));
    }

    private Optional<List<String>> patterns(Config node) {
        if (!node.exists()) {
            return Optional.empty();
        }
        List<String> patterns;
        try {
            patterns = node.asList(String.class).get();
        } catch (ConfigException e) {
            problems.add(key(node) + " must be a list of host patterns");
            return Optional.empty();
        }
        for (String pattern : patterns) {
            try {
                HostPattern.parse(pattern);
            } catch (InvalidHostPatternException e) {
                problems.add(key(node) + ": invalid host pattern \"" + pattern + "\": " + e.getMessage());
            }
        }
        return Optional.of(patterns);
    }

    /** Every certificate in each PEM file of the list, so that a file can hold a whole CA bundle. */
    private List<X509Certificate> certificates(Config node) {
        if (!node.exists()) {
            return List.of();
        }
        List<String> files;
        try {
            files = node.asList(String.class).get();
        } catch (ConfigException e) {
            problems.add(key(node) + " must be a list of PEM file paths");
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (read.isEmpty()) {
                    problems.add(key(node) + ": " + file + " holds no PEM certificate");
                }
                read.forEach(certificate -> certificates.add((X509Certificate) certificate));
            } catch (IOException | CertificateException e) {
                problems.add(key(node) + ": cannot read certificates from " + file + ": " + e.getMessage());
            }
        }
        return certificates;
    }

    private Optional<Boolean> bool(Config node) {
        if (!node.exists()) {
            return Optional.empty();
        }
        String value = node.asString().orElse("");
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.add(key(node) + " must be true or false, was \"" + value + "\"");
                yield Optional.empty();
            }
        };
    }

    private long integer(Config node, long fallback) {
        if (!node.exists()) {
            return fallback;
        }
        String value = node.asString().orElse("");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(key(node) + " must be a whole number, was \"" + value + "\"");
            return fallback;
        }
    }

    private int integer(Config node, int fallback) {
        long value = integer(node, (long) fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(key(node) + " is out of range: " + value);
            return fallback;
        }
        return (int) value;
    }

    private Duration duration(Config node, Duration fallback) {
        if (!node.exists()) {
            return fallback;
        }
        String value = node.asString().orElse("");
        Duration parsed = DurationText.parse(value);
        if (parsed == null) {
            problems.add(key(node) + " must be a duration such as 30s, 500ms, 2m or PT30S, was \"" + value + "\"");
            return fallback;
        }
        return parsed;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String text(Config node, String fallback) {
        return node.asString().orElse(fallback);
    }

    private static List<Config> children(Config node) {
        return node.asNodeList().orElse(List.of());
    }

    private static String key(Config node) {
        return node.key().toString();
    }
}
