package dev.outbound.runtime.identity;

import dev.outbound.binding.DurableObjectId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How container ids are made. A named instance's id is derived from its class and name, so that
 * registering the same name again finds the same durable state; an unnamed instance gets a random id.
 */
public final class ContainerIds {

    private ContainerIds() {
    }

    /** The id of the instance {@code name} of container class {@code className}: the same on every run. */
    public static String named(String className, String name) {
        byte[] input = ("outbound/container/" + className + "/" + name).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Sha256.digest(input));
    }

    static String random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Whether the text has the form of a container id, which is that of a durable object id: the
     * instance's own durable object has the same id. Callers that build file paths from an id check
     * this first, so an id can never climb out of its directory.
     */
    public static boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        try {
            DurableObjectId.parse(id);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
