package dev.outbound.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {

    @TempDir
    Path dir;

    @Test
    void findsANameOnThePathAndOnlyExecutableFiles() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
        Files.writeString(bin.resolve("text"), "not a program\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = dir.resolve("empty") + ":" + bin;

        assertEquals(Optional.of(tool), Executables.find("tool", path));
        assertEquals(Optional.empty(), Executables.find("text", path));
        assertEquals(Optional.of(tool), Executables.find(tool.toString(), ""));
    }

    @Test
    void aRelativePathIsNotFoundAsTheSandboxStartsInAnEmptyDirectory() {
        assertEquals(Optional.empty(), Executables.find("./bin/tool", "/usr/bin:/bin"));
    }

    @Test
    void namesTheMissingSandboxTools() {
        assertEquals(List.of("bwrap", "socat"), Executables.missingTools(dir.toString()));
        assertTrue(Executables.missingTools(System.getenv("PATH")).isEmpty(), "bwrap and socat are installed here");
    }
}
