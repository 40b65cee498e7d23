package dev.outbound.runtime.proxy;

/** Finds what a failure was caused by, however deep a handler wrapped it. */
final class Causes {

    private Causes() {
    }

    /** The first exception of that type in the cause chain, or null. */
    static <E extends Throwable> E find(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
