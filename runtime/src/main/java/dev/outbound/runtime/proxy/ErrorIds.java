package dev.outbound.runtime.proxy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids that tie an error a container saw to its line in the server log. */
public final class ErrorIds {

    private ErrorIds() {
    }

    public static String next() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
