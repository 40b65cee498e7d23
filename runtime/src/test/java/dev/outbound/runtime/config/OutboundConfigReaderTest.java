package dev.outbound.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.tls.CertificateAuthority;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundConfigReaderTest {

    static OutboundConfig read(String yaml) {
        return OutboundConfigReader.read(Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML)));
    }

    static List<String> problems(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> read(yaml)).problems();
    }

    @Test
    void readsEveryKey() {
        OutboundConfig config = read("""
                outbound:
                  proxy: {host: 127.0.0.2, port: 8080}
                  admin: {port: 0}
                  data-dir: /var/lib/outbound
                  denial-status: 403
                  limits: {max-body-bytes: 1024, max-header-bytes: 4096, handler-timeout: 500ms}
                  shutdown-grace: PT3S
                  classes:
                    my-app:
                      enable-internet: true
                      allowed-hosts: ["api.example.com", "10.0.0.0/8"]
                      denied-hosts: ["*.evil.example"]
                      intercept-https: false
                  bindings:
                    TOKEN: {type: secret, env: HOME}
                """);
        assertEquals(new ListenerAddress("127.0.0.2", 8080), config.proxy());
        assertEquals(new ListenerAddress("127.0.0.1", 0), config.admin());
        assertEquals(Path.of("/var/lib/outbound"), config.dataDir());
        assertEquals(403, config.denialStatus());
        assertEquals(new Limits(1024, 4096, Duration.ofMillis(500)), config.limits());
        assertEquals(Duration.ofSeconds(3), config.shutdownGrace());
        assertEquals(new ClassOverrides(Optional.of(true), Optional.of(List.of("api.example.com", "10.0.0.0/8")),
                Optional.of(List.of("*.evil.example")), Optional.of(false)), config.classes().get("my-app"));
        assertEquals("secret", config.bindings().get("TOKEN").get("type").asString().get());
    }

    @Test
    void defaultsWhenNothingIsSet() {
        OutboundConfig config = read("other: 1");
        assertEquals(new ListenerAddress("127.0.0.1", 3128), config.proxy());
        assertEquals(new ListenerAddress("127.0.0.1", 3129), config.admin());
        assertEquals(520, config.denialStatus());
        assertEquals(Limits.DEFAULT, config.limits());
        assertEquals(Duration.ofSeconds(10), config.shutdownGrace());
        assertTrue(config.classes().isEmpty());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems = problems("""
                outbound:
                  proxy: {port: 70000}
                  admin: {port: many}
                  denial-status: 200
                  limits: {max-body-bytes: lots, handler-timeout: soon}
                  classes:
                    my-app:
                      enable-internet: yes please
                      allowed-hosts: ["bad host!"]
                      enable-interent: true
                """);
        assertEquals(List.of(
                "outbound.proxy.port must be a port 0..65535 (0 picks a free one), was 70000",
                "outbound.admin.port must be a whole number, was \"many\"",
                "outbound.denial-status must be an error status 400..599, was 200",
                "outbound.limits.max-body-bytes must be a whole number, was \"lots\"",
                "outbound.limits.handler-timeout must be a duration such as 30s, 500ms, 2m or PT30S, was \"soon\""),
                problems.subList(0, 5));
        assertTrue(problems.get(5).startsWith("outbound.classes.my-app.enable-interent is not a class setting"),
                problems.toString());
        assertTrue(problems.contains("outbound.classes.my-app.enable-internet must be true or false, was \"yes please\""),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("outbound.classes.my-app.allowed-hosts: invalid host pattern \"bad host!\"")),
                problems.toString());
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void theAdminListenerStaysOnLoopbackAndApartFromTheProxy() {
        assertEquals(List.of(
                "outbound.admin.host must be a loopback address (the admin API is never for containers), was 0.0.0.0",
                "outbound.proxy.port and outbound.admin.port are both 4000"),
                problems("outbound: {proxy: {host: 0.0.0.0, port: 4000}, admin: {host: 0.0.0.0, port: 4000}}"));
        assertEquals("::1", read("outbound: {admin: {host: \"::1\"}}").admin().host());
    }

    @Test
    void loadsAFileUnderTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbound.yaml");
        Files.writeString(file, "outbound:\n  denial-status: 451\n");
        OutboundConfig config = OutboundConfigReader.read(OutboundConfigReader.load(Optional.of(file)));
        assertEquals(451, config.denialStatus());
        InvalidConfigException missing = assertThrows(InvalidConfigException.class,
                () -> OutboundConfigReader.load(Optional.of(dir.resolve("missing.yaml"))));
        assertTrue(missing.getMessage().contains("cannot be read"));
    }

    @Test
    void extraCaFilesAreReadForOriginsAndAFileWithoutCertificatesIsAProblem(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("internal-ca.crt"),
                CertificateAuthority.loadOrCreate(dir.resolve("data")).caCertPem());
        Path empty = Files.writeString(dir.resolve("empty.crt"), "");

        OutboundConfig config = read("outbound:\n  tls:\n    extra-ca-files: [\"" + ca + "\"]\n");
        List<String> problems = problems("outbound:\n  tls:\n    extra-ca-files: [\"" + empty + "\", \""
                + dir.resolve("missing.crt") + "\"]\n");

        assertEquals(1, config.extraTrustedCertificates().size());
        assertTrue(config.extraTrustedCertificates().getFirst().getSubjectX500Principal().getName()
                .contains("Outbound local CA"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(empty + " holds no PEM certificate"), problems.get(0));
        assertTrue(problems.get(1).contains("cannot read certificates from " + dir.resolve("missing.crt")),
                problems.get(1));
    }
}
