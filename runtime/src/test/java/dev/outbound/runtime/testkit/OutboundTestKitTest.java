package dev.outbound.runtime.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outbound.binding.PutOptions;
import dev.outbound.binding.Secret;
import dev.outbound.runtime.config.InvalidConfigException;
import dev.outbound.runtime.identity.ContainerIds;
import dev.outbound.runtime.testing.OpenApp;
import dev.outbound.runtime.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's bindings, data directory and container lookup. */
class OutboundTestKitTest {

    @TempDir
    Path dir;

    @Test
    void bindingsAreTheEmbeddedOnesAndPersistInTheDataDirectory() {
        Path dataDir = dir.resolve("data");
        try (OutboundTestKit kit = OutboundTestKit.builder().dataDir(dataDir).kv("KV").bucket("BUCKET").build()) {
            kit.kv("KV").put("greeting", "hello");
            kit.bucket("BUCKET").put("object", new ByteArrayInputStream("body".getBytes(StandardCharsets.UTF_8)),
                    PutOptions.none());
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("kv").resolve("KV.sqlite")));
        assertTrue(Files.isDirectory(dataDir.resolve("buckets").resolve("BUCKET")));

        try (OutboundTestKit kit = OutboundTestKit.builder().dataDir(dataDir).kv("KV").bucket("BUCKET").build()) {
            assertEquals("hello", kit.kv("KV").getText("greeting").orElseThrow());
            try (var object = kit.bucket("BUCKET").get("object").orElseThrow()) {
                assertArrayEquals("body".getBytes(StandardCharsets.UTF_8), object.body().orElseThrow().readAllBytes());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aDataDirectoryOfItsOwnIsDeletedOnClose() {
        Path dataDir;
        try (OutboundTestKit kit = OutboundTestKit.builder().kv("KV").build()) {
            dataDir = kit.dataDir();
            kit.kv("KV").put("k", "v");
            assertTrue(Files.isRegularFile(dataDir.resolve("kv").resolve("KV.sqlite")));
        }
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void aSecretKeepsItsExactValue() {
        try (OutboundTestKit kit = OutboundTestKit.builder()
                .secret("PLAIN", "plain")
                .secret("LF", "ends with a line break\n")
                .secret("CRLF", "ends with crlf\r\n")
                .secret("CR", "ends with cr\r")
                .build()) {
            assertEquals("plain", kit.binding("PLAIN", Secret.class).value());
            assertEquals("ends with a line break\n", kit.binding("LF", Secret.class).value());
            assertEquals("ends with crlf\r\n", kit.binding("CRLF", Secret.class).value());
            assertEquals("ends with cr\r", kit.binding("CR", Secret.class).value());
        }
    }

    @Test
    void findsContainerClassesByJavaClassAndByName() {
        try (OutboundTestKit kit = OutboundTestKit.builder().secret("API_TOKEN", "token").build()) {
            assertEquals("test-app", kit.container(TestApp.class).className());
            assertEquals("open-app", kit.container("open-app").className());

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> kit.container("nope"));
            assertTrue(unknown.getMessage().startsWith("nope is not a container class on the class path; found: "
                    + "[catchall-app (dev.outbound.runtime.testing.CatchAllApp), open-app"), unknown.getMessage());
            assertThrows(IllegalArgumentException.class, () -> kit.container(String.class));
        }
    }

    @Test
    void idsAreDerivedFromClassAndNameAsTheRegistryDerivesThem() {
        String id;
        try (OutboundTestKit kit = OutboundTestKit.builder().build()) {
            TestContainer first = kit.container(OpenApp.class, "first");
            id = first.id();
            assertTrue(ContainerIds.isValid(id), id);
            assertEquals(ContainerIds.named("open-app", "first"), id);
            assertEquals("first", first.name());
            assertNotEquals(id, kit.container(OpenApp.class, "second").id());
            assertEquals(ContainerIds.named("open-app", OutboundTestKit.DEFAULT_INSTANCE_NAME),
                    kit.container(OpenApp.class).id());
        }
        try (OutboundTestKit kit = OutboundTestKit.builder().build()) {
            assertEquals(id, kit.container("open-app", "first").id());
        }
    }

    @Test
    void aMissingBindingNamesTheBuilderCallThatAddsIt() {
        try (OutboundTestKit kit = OutboundTestKit.builder().build()) {
            InvalidConfigException missing = assertThrows(InvalidConfigException.class, () -> kit.container(TestApp.class));
            assertEquals("test-app needs Secret API_TOKEN (dev.outbound.runtime.testing.TestApp(apiToken)): binding"
                    + " API_TOKEN is not configured; declare it with .secret(\"API_TOKEN\", value)", missing.getMessage());

            assertEquals("open-app", kit.container(OpenApp.class).className(), "classes that need nothing still run");
        }
    }

    @Test
    void aBindingOfTheWrongTypeIsNamed() {
        try (OutboundTestKit kit = OutboundTestKit.builder().kv("API_TOKEN").build()) {
            InvalidConfigException wrong = assertThrows(InvalidConfigException.class, () -> kit.container(TestApp.class));
            assertTrue(wrong.getMessage().contains("binding API_TOKEN is a kv, not a Secret"), wrong.getMessage());
        }
    }

    @Test
    void aBindingThatCannotBeMadeStopsTheBuild() {
        InvalidConfigException bad = assertThrows(InvalidConfigException.class,
                () -> OutboundTestKit.builder().dataDir(dir).durableObject("STATES", String.class).build());
        assertTrue(bad.getMessage().contains("java.lang.String is not a @DurableObject class"), bad.getMessage());
    }

    @Test
    void aBindingNameIsDeclaredOnce() {
        OutboundTestKit.Builder builder = OutboundTestKit.builder().kv("KV");

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> builder.bucket("KV"));
        assertEquals("binding KV is declared twice", twice.getMessage());
    }
}
