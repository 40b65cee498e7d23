package dev.outbound.runtime.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run has to undo, undone once, newest first: at its normal end, or from the shutdown hook when
 * the JVM is told to stop (SIGHUP) before that.
 */
public final class Teardown {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private boolean done;

    /** A teardown that also runs when the JVM shuts down. */
    public static Teardown onShutdown() {
        Teardown teardown = new Teardown();
        Runtime.getRuntime().addShutdownHook(new Thread(teardown::run, "outbound-run-teardown"));
        return teardown;
    }

    public synchronized void add(Runnable step) {
        steps.push(step);
    }

    /** Runs every step once; a later call waits for a running one and then does nothing. */
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            steps.pop().run();
        }
    }
}
