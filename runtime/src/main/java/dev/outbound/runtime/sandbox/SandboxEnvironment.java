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

    /** Where the sandbox finds the proxy's CA: alone, and appended to the system's CAs. */
    record CaFiles(Path caOnly, Path bundle) {}

    /**
     * Loopback inside is the sandbox's own (its network namespace has nothing else), so requests to it
     * stay inside rather than asking the proxy, which would look for them on the host.
     */
    static final String NO_PROXY = "localhost,127.0.0.1,::1";

    private SandboxEnvironment() {
    }

    /** Variables that replace the system's CA store: they get the system CAs plus ours. */
    private static final String[] BUNDLE_VARIABLES = {"SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE",
        "GIT_SSL_CAINFO"};

    /**
     * @param trust the files inside the sandbox that hold the proxy's CA, or null when the server has none
     */
    static Map<String, String> of(Map<String, String> inherited, Collection<String> secretVariables,
            String proxyUserInfo, Path home, CaFiles trust) {
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
        if (trust != null) {
            for (String name : BUNDLE_VARIABLES) {
                env.put(name, trust.bundle().toString());
            }
            // Node adds these to its own store rather than replacing it.
            env.put("NODE_EXTRA_CA_CERTS", trust.caOnly().toString());
        }
        return env;
    }
}
