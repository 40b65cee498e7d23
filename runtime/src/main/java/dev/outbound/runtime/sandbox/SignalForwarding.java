package dev.outbound.runtime.sandbox;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * Passes the launcher's SIGINT and SIGTERM on to the sandboxed command instead of ending the launcher,
 * which then ends with the command's exit code. Installed before the sandbox starts, so that no signal
 * falls between the command's start and the handler: one that comes before is passed on once the sandbox
 * is known. The JDK has no supported API for handling a signal; {@code sun.misc.Signal} is the one every
 * JDK keeps for this.
 */
public final class SignalForwarding {

    private static final String[] FORWARDED = {"INT", "TERM"};

    private final List<String> pending = new ArrayList<>();
    private Sandbox sandbox;

    private SignalForwarding() {
    }

    public static SignalForwarding install() {
        SignalForwarding forwarding = new SignalForwarding();
        for (String name : FORWARDED) {
            Signal.handle(new Signal(name), signal -> forwarding.received(signal.getName()));
        }
        return forwarding;
    }

    /** From now on signals go to this sandbox's command, starting with any that came before. */
    public synchronized void to(Sandbox started) {
        sandbox = started;
        pending.forEach(started::signal);
        pending.clear();
    }

    private synchronized void received(String name) {
        if (sandbox == null) {
            pending.add(name);
        } else {
            sandbox.signal(name);
        }
    }
}
