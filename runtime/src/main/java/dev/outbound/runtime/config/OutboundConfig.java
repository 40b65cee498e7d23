package dev.outbound.runtime.config;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the server is configured with ({@code outbound.yaml}, SPEC §5), already read and checked
 * for form. Whether it fits the container classes on the class path is checked at start.
 *
 * @param proxy         the container-facing proxy listener
 * @param admin         the admin API listener
 * @param dataDir       registered instances, run-time overrides, admin token and egress log
 * @param denialStatus  the status a denial answers with (520 unless configured)
 * @param shutdownGrace how long in-flight requests may still run once stopping
 * @param classes       per-class policy overrides, by container class name
 * @param bindings      the configuration node of each binding, by binding name
 * @param extraTrustedCertificates certificates origins may be signed with besides the JVM's trust store
 *                      ({@code tls.extra-ca-files}), for passthrough and {@code ctx.fetch} to https
 */
public record OutboundConfig(
        ListenerAddress proxy,
        ListenerAddress admin,
        Path dataDir,
        int denialStatus,
        Limits limits,
        Duration shutdownGrace,
        Map<String, ClassOverrides> classes,
        Map<String, Config> bindings,
        List<X509Certificate> extraTrustedCertificates) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PROXY_PORT = 3128;
    public static final int DEFAULT_ADMIN_PORT = 3129;
    public static final int DEFAULT_DENIAL_STATUS = 520;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public OutboundConfig {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        // insertion order kept, so that problems are reported in the order of the file
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        extraTrustedCertificates = List.copyOf(extraTrustedCertificates);
    }

    /** Defaults everywhere, with the given data directory; for programs that embed the server. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(dataDir)
                .proxy(proxy)
                .admin(admin)
                .denialStatus(denialStatus)
                .limits(limits)
                .shutdownGrace(shutdownGrace)
                .extraTrustedCertificates(extraTrustedCertificates);
        classes.forEach(builder::classOverrides);
        bindings.forEach(builder::binding);
        return builder;
    }

    /** Builds an {@link OutboundConfig}. */
    public static final class Builder {

        private ListenerAddress proxy = new ListenerAddress(LOOPBACK, DEFAULT_PROXY_PORT);
        private ListenerAddress admin = new ListenerAddress(LOOPBACK, DEFAULT_ADMIN_PORT);
        private Path dataDir;
        private int denialStatus = DEFAULT_DENIAL_STATUS;
        private Limits limits = Limits.DEFAULT;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private final Map<String, ClassOverrides> classes = new LinkedHashMap<>();
        private final Map<String, Config> bindings = new LinkedHashMap<>();
        private List<X509Certificate> extraTrustedCertificates = List.of();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder proxy(ListenerAddress proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder admin(ListenerAddress admin) {
            this.admin = admin;
            return this;
        }

        public Builder proxyPort(int port) {
            return proxy(proxy.withPort(port));
        }

        public Builder adminPort(int port) {
            return admin(admin.withPort(port));
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder denialStatus(int denialStatus) {
            this.denialStatus = denialStatus;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        public Builder shutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public Builder classOverrides(String className, ClassOverrides overrides) {
            classes.put(className, overrides);
            return this;
        }

        /** A binding's configuration node, holding at least {@code type}. */
        public Builder binding(String name, Config node) {
            bindings.put(name, node);
            return this;
        }

        public Builder extraTrustedCertificates(List<X509Certificate> certificates) {
            this.extraTrustedCertificates = certificates;
            return this;
        }

        public OutboundConfig build() {
            return new OutboundConfig(proxy, admin, dataDir, denialStatus, limits, shutdownGrace, classes, bindings,
                    extraTrustedCertificates);
        }
    }
}
