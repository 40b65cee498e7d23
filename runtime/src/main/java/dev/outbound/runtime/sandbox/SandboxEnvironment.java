package dev.outbound.runtime.sandbox;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a sandboxed command gets: the launcher's own, without the variables secrets are read
 * from and without proxy settings that point anywhere else, plus the proxy variables ordinary clients
 * (curl, wget, Python, Java, git, pip, npm) read, and a writable {@code HOME} for their caches.
 */
final class SandboxEnvironment {

    /**
     * Loopback inside is the sandbox's own (its network namespace has nothing else), so requests to it
     * stay inside rather than asking the proxy, which would look for them on the host.
     */
    static final String NO_PROXY = "localhost,127.0.0.1,::1";

    private SandboxEnvironment() {
    }

    static Map<String, String> of(Map<String, String> inherited, Collection<String> secretVariables,
            String proxyUserInfo, Path home) {
        Map<String, String> env = new TreeMap<>(inherited);
        env.keySet().removeAll(secretVariables);
        env.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        String proxyUrl = "http://" + (proxyUserInfo.isEmpty() ? "" : proxyUserInfo + "@")
                + "127.0.0.1:" + Bubblewrap.PROXY_PORT;
        for (String name : new String[] {"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"}) {
            env.put(name, proxyUrl);
        }
        env.put("NO_PROXY", NO_PROXY);
        env.put("no_proxy", NO_PROXY);
        env.put("HOME", home.toString());
        // The CA variables of SPEC §4.7 (SSL_CERT_FILE, CURL_CA_BUNDLE, REQUESTS_CA_BUNDLE,
        // NODE_EXTRA_CA_CERTS, GIT_SSL_CAINFO) are set here once the proxy intercepts HTTPS.
        return env;
    }
}
