package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxEnvironmentTest {

    private static final Map<String, String> LAUNCHER = Map.of(
            "PATH", "/usr/bin:/bin",
            "API_TOKEN", "the secret",
            "ALL_PROXY", "socks5://somewhere:1080",
            "ftp_proxy", "http://elsewhere:3128",
            "HOME", "/home/someone");

    @Test
    void keepsTheLaunchersVariablesButNotTheSecretsOrOtherProxies() {
        Map<String, String> env = SandboxEnvironment.of(LAUNCHER, List.of("API_TOKEN"), "", Path.of("/tmp/work"), null);

        assertEquals("/usr/bin:/bin", env.get("PATH"));
        assertFalse(env.containsKey("API_TOKEN"));
        assertFalse(env.containsKey("ALL_PROXY"));
        assertFalse(env.containsKey("ftp_proxy"));
        assertEquals("/tmp/work", env.get("HOME"));
    }

    @Test
    void pointsEveryProxyVariableAtTheBridgeAndKeepsLoopbackInside() {
        Map<String, String> env = SandboxEnvironment.of(LAUNCHER, List.of(), "", Path.of("/tmp/work"), null);

        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
            assertEquals("http://127.0.0.1:3128", env.get(name), name);
        }
        assertEquals("localhost,127.0.0.1,::1", env.get("NO_PROXY"));
        assertEquals("localhost,127.0.0.1,::1", env.get("no_proxy"));
    }

    @Test
    void carriesCredentialsOnlyWhenTheRouteNeedsThem() {
        Map<String, String> env = SandboxEnvironment.of(LAUNCHER, List.of(), "id:token", Path.of("/tmp/work"), null);

        assertEquals("http://id:token@127.0.0.1:3128", env.get("HTTP_PROXY"));
    }

    @Test
    void pointsTheCaVariablesAtTheProxysCa() {
        var trust = new SandboxEnvironment.CaFiles(Path.of("/run/outbound/outbound-ca.crt"),
                Path.of("/run/outbound/outbound-ca-bundle.crt"));

        Map<String, String> env = SandboxEnvironment.of(LAUNCHER, List.of(), "", Path.of("/tmp/work"), trust);

        for (String name : List.of("SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "GIT_SSL_CAINFO")) {
            assertEquals("/run/outbound/outbound-ca-bundle.crt", env.get(name), name);
        }
        assertEquals("/run/outbound/outbound-ca.crt", env.get("NODE_EXTRA_CA_CERTS"));
        assertFalse(SandboxEnvironment.of(LAUNCHER, List.of(), "", Path.of("/tmp/work"), null)
                .containsKey("SSL_CERT_FILE"));
    }
}
