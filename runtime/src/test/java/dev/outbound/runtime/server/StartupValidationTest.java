package dev.outbound.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.runtime.binding.BindingType;
import dev.outbound.runtime.binding.BindingTypes;
import dev.outbound.runtime.config.ClassOverrides;
import dev.outbound.runtime.config.InvalidConfigException;
import dev.outbound.runtime.config.OutboundConfig;
import dev.outbound.runtime.testing.RawHttp;
import dev.outbound.runtime.testing.RawResponse;
import dev.outbound.runtime.testing.TestServers;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server checks its configuration against the container classes and refuses to start, one line per problem. */
class StartupValidationTest {

    @TempDir
    Path dir;

    static Config node(Map<String, String> values) {
        return Config.just(ConfigSources.create(values));
    }

    OutboundConfig.Builder withoutBindings() {
        return OutboundConfig.builder(dir.resolve("data")).proxyPort(0).adminPort(0).shutdownGrace(Duration.ofMillis(100));
    }

    List<String> problems(OutboundServer.Builder server) {
        return assertThrows(InvalidConfigException.class, () -> server.build().start()).problems();
    }

    @Test
    void missingBindingSaysWhatToAdd() {
        assertEquals(List.of("binding API_TOKEN needed by test-app (dev.outbound.runtime.testing.TestApp(apiToken))"
                        + " is not configured; add outbound.bindings.API_TOKEN.type: secret"),
                problems(OutboundServer.builder(withoutBindings().build())));
    }

    @Test
    void unknownBindingTypeListsTheKnownOnes() {
        List<String> problems = problems(OutboundServer.builder(TestServers.config(dir.resolve("data"))
                .binding("KV", node(Map.of("type", "redis-kv"))).build()));
        assertEquals(List.of("outbound.bindings.KV.type: unknown binding type redis-kv; known: kv, bucket, durable-object, secret"), problems);
    }

    @Test
    void bindingOfTheWrongType() {
        BindingTypes types = BindingTypes.of(List.of(
                BindingTypes.standard().named("secret").orElseThrow(),
                new BindingType("counter", AtomicLong.class, (name, config, context) -> new AtomicLong())));
        List<String> problems = problems(OutboundServer.builder(withoutBindings()
                .binding("API_TOKEN", node(Map.of("type", "counter"))).build()).bindingTypes(types));
        assertEquals(List.of("binding API_TOKEN needed by test-app (dev.outbound.runtime.testing.TestApp(apiToken))"
                + " is configured as counter, which provides AtomicLong, not Secret;"
                + " add outbound.bindings.API_TOKEN.type: secret"), problems);
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        OutboundConfig config = withoutBindings()
                .binding("API_TOKEN", node(Map.of("type", "secret", "env", "OUTBOUND_SURELY_UNSET_VARIABLE")))
                .binding("OTHER", node(Map.of("kind", "secret")))
                .classOverrides("no-such-class", ClassOverrides.NONE)
                .build();
        List<String> problems = problems(OutboundServer.builder(config));
        assertEquals(List.of(
                "outbound.classes.no-such-class: no container class no-such-class on the class path;"
                        + " loaded: catchall-app, open-app, test-app",
                "outbound.bindings.API_TOKEN: environment variable OUTBOUND_SURELY_UNSET_VARIABLE is not set",
                "outbound.bindings.OTHER.type is missing; known types: kv, bucket, durable-object, secret"), problems);
        assertTrue(!Files.exists(dir.resolve("data").resolve("egress.log")), "nothing was started");
    }

    @Test
    void classOverridesApplyToTheClassPolicy() throws Exception {
        OutboundServer server = OutboundServer.builder(TestServers.config(dir.resolve("data"))
                .classOverrides("test-app", new ClassOverrides(Optional.empty(), Optional.empty(),
                        Optional.of(List.of("my.kv")), Optional.empty()))
                .denialStatus(403)
                .build()).build().start();
        try {
            CreatedContainer container = server.admin().create("test-app", null);
            RawResponse response = RawHttp.once(server.proxyPort(),
                    "GET http://my.kv/ HTTP/1.1\r\nHost: my.kv\r\nProxy-Authorization: "
                            + TestServers.proxyAuthorization(container) + "\r\n\r\n");
            assertEquals(403, response.status());
            assertEquals("deniedHosts:my.kv", response.json().get("rule"));
        } finally {
            server.stop();
        }
    }
}
