package dev.outbound.runtime.sandbox;

import sun.misc.Signal;

/**
 * Passes the launcher's SIGINT and SIGTERM on to the sandboxed command instead of ending the launcher,
 * which then ends with the command's exit code. The JDK has no supported API for handling a signal;
 * {@code sun.misc.Signal} is the one every JDK since 1.2 keeps for this.
 */
public final class SignalForwarding {

    private static final String[] FORWARDED = {"INT", "TERM"};

    private SignalForwarding() {
    }

    public static void to(Sandbox sandbox) {
        for (String name : FORWARDED) {
            Signal.handle(new Signal(name), signal -> sandbox.signal(signal.getName()));
        }
    }
}
