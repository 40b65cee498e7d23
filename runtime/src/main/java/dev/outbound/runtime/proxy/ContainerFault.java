package dev.outbound.runtime.proxy;

import dev.outbound.BodyTooLargeException;
import dev.outbound.OutboundResponse;
import dev.outbound.binding.BindingLimitException;
import dev.outbound.binding.RangeNotSatisfiableException;
import java.util.Optional;

/**
 * A failure a handler let through that the container caused: a body past its limit, a malformed body,
 * input past a binding's limits, a range outside the object. The container gets the 4xx that says so
 * (SPEC §4.6), not a 500. The proxy and the test kit both answer through here.
 *
 * @param closeConnection whether what follows on the container's connection can no longer be read
 */
public record ContainerFault(OutboundResponse response, boolean closeConnection) {

    /** The answer to the failure, or empty when the container is not the cause. */
    public static Optional<ContainerFault> of(Throwable failure) {
        BodyTooLargeException tooLarge = Causes.find(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Optional.of(new ContainerFault(ProxyErrors.bodyTooLarge(tooLarge.limit()), true));
        }
        ContainerBody.MalformedBodyException malformed = Causes.find(failure, ContainerBody.MalformedBodyException.class);
        if (malformed != null) {
            // what follows on the connection cannot be read as HTTP any more
            return Optional.of(new ContainerFault(ProxyErrors.badRequest(malformed.getMessage()), true));
        }
        RangeNotSatisfiableException badRange = Causes.find(failure, RangeNotSatisfiableException.class);
        if (badRange != null) {
            return Optional.of(new ContainerFault(ProxyErrors.rangeNotSatisfiable(badRange.objectSize()), false));
        }
        // A limit of a binding is the container's mistake, not the handler's: the container gets the message.
        BindingLimitException limit = Causes.find(failure, BindingLimitException.class);
        if (limit != null) {
            return Optional.of(new ContainerFault(ProxyErrors.bindingLimit(limit.getMessage()), false));
        }
        return Optional.empty();
    }
}
