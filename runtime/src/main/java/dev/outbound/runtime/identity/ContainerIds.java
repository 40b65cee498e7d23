package dev.outbound.runtime.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How container ids are made. A named instance's id is derived from its class and name, so that
 * registering the same name again finds the same durable state; an unnamed instance gets a random id.
 */
public final class ContainerIds {

    private static final int LENGTH = 64;

    private ContainerIds() {
    }

    static String named(String className, String name) {
        byte[] input = ("outbound/container/" + className + "/" + name).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Sha256.digest(input));
    }

    static String random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Whether the text has the form of a container id: 64 lowercase hex characters. Callers that build
     * file paths from an id check this first, so an id can never climb out of its directory.
     */
    public static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
