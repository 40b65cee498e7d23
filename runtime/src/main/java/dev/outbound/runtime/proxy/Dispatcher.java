package dev.outbound.runtime.proxy;

import dev.outbound.OutboundContext;
import dev.outbound.OutboundRequest;
import dev.outbound.OutboundResponse;
import dev.outbound.runtime.binding.BindingUnavailableException;
import dev.outbound.runtime.egress.EgressDeniedException;
import dev.outbound.runtime.identity.ContainerInstance;
import dev.outbound.runtime.policy.Decision;
import dev.outbound.spi.Route;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Carries out an instance's policy decision for one request (SPEC §4.4): deny, run the chosen
 * handler under its time limit, or pass the request on through the egress guard, and turns every
 * failure into the answer SPEC §4.6 gives it.
 */
final class Dispatcher {

  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
  static final String EGRESS_GUARD_RULE = "egress-guard";

  private final Passthrough passthrough;
  private final HandlerRunner handlers;
  private final ProxyErrors errors;

  Dispatcher(Passthrough passthrough, HandlerRunner handlers, ProxyErrors errors) {
    this.passthrough = passthrough;
    this.handlers = handlers;
    this.errors = errors;
  }

  /** Decides and carries out; an instance whose class this server does not load is denied. */
  Outcome dispatch(
      ContainerInstance instance,
      Optional<InstancePolicies.Compiled<?>> policy,
      OutboundRequest request) {
    if (policy.isEmpty()) {
      return classNotLoaded(instance, request);
    }
    InstancePolicies.Compiled<?> compiled = policy.get();
    return switch (compiled.policy().decide(request.authority())) {
      case Decision.Deny deny -> denied(request, deny.reason(), deny.rule());
      case Decision.Internet internet -> internet(compiled, request, internet.rule());
      case Decision.Handle<?> handle -> handle(instance, compiled, handle, request);
    };
  }

  /**
   * A CONNECT that does not start its connection: {@code 501} unless the policy denies it anyway.
   */
  Outcome connect(
      ContainerInstance instance,
      Optional<InstancePolicies.Compiled<?>> policy,
      OutboundRequest request) {
    if (policy.isEmpty()) {
      return classNotLoaded(instance, request);
    }
    if (policy.get().policy().decideConnect(request.authority()) instanceof Decision.Deny deny) {
      return denied(request, deny.reason(), deny.rule());
    }
    return new Outcome(
        ProxyErrors.connectNotSupported(), Outcome.ERROR, "connect-not-supported", null, true);
  }

  private Outcome classNotLoaded(ContainerInstance instance, OutboundRequest request) {
    return denied(
        request,
        "container class " + instance.className() + " is not loaded in this server",
        "class-not-loaded");
  }

  private Outcome denied(OutboundRequest request, String reason, String rule) {
    return new Outcome(
        errors.denied(request.authority(), reason, rule), Outcome.DENIED, rule, null, false);
  }

  private Outcome internet(
      InstancePolicies.Compiled<?> compiled, OutboundRequest request, String rule) {
    Outcome outcome = new Outcome(null, Outcome.INTERNET, rule, null, false);
    try {
      return outcome.withResponse(
          passthrough.forward(request, compiled.egressExceptions()), null, false);
    } catch (IOException | RuntimeException e) {
      return failed(outcome, request, e);
    }
  }

  private Outcome handle(
      ContainerInstance instance,
      InstancePolicies.Compiled<?> compiled,
      Decision.Handle<?> handle,
      OutboundRequest request) {
    Outcome outcome = new Outcome(null, Outcome.HANDLER, handle.rule(), null, false);
    OutboundContext context =
        new ContainerContext(instance, handle.params(), passthrough, compiled.egressExceptions());
    try {
      OutboundResponse response = handlers.run(() -> invoke(compiled, handle, request, context));
      if (response == null) {
        return failed(
            outcome,
            request,
            new NullPointerException(
                "handler "
                    + handle.route().method()
                    + " returned null instead of an OutboundResponse"));
      }
      return outcome.withResponse(response, null, false);
    } catch (TimeoutException e) {
      // The handler may still be reading the request body: this connection cannot be reused.
      return outcome.withResponse(ProxyErrors.handlerTimedOut(handlers.timeLimit()), null, true);
    } catch (ExecutionException e) {
      return failed(outcome, request, e.getCause());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> OutboundResponse invoke(
      InstancePolicies.Compiled<T> compiled,
      Decision.Handle<?> handle,
      OutboundRequest request,
      OutboundContext context)
      throws Exception {
    // The decision came from this class's own route table, so its route is a Route<T>.
    Route<T> route = ((Decision.Handle<T>) handle).route();
    return route.handler().handle(compiled.containerClass().handler(), request, context);
  }

  /** The answer to a handler or passthrough that threw. */
  private Outcome failed(Outcome outcome, OutboundRequest request, Throwable failure) {
    Optional<ContainerFault> fault = ContainerFault.of(failure);
    if (fault.isPresent()) {
      return outcome.withResponse(fault.get().response(), null, fault.get().closeConnection());
    }
    BindingUnavailableException unavailable =
        Causes.find(failure, BindingUnavailableException.class);
    if (unavailable != null) {
      // An outage, not a bug: one line each, without a stack trace, while the service is down.
      LOG.log(
          System.Logger.Level.WARNING,
          outcome.rule() + " on " + request + ": " + unavailable.getMessage());
      return outcome.withResponse(
          ProxyErrors.bindingUnavailable(unavailable.getMessage()), null, false);
    }
    if (failure instanceof EgressDeniedException denied) {
      return new Outcome(
          errors.denied(request.authority(), denied.reason(), EGRESS_GUARD_RULE),
          Outcome.DENIED,
          EGRESS_GUARD_RULE,
          null,
          false);
    }
    String errorId = ErrorIds.next();
    if (failure instanceof IOException) {
      LOG.log(
          System.Logger.Level.INFO,
          "error " + errorId + ": " + request + " unreachable: " + failure.getMessage());
      return outcome.withResponse(
          ProxyErrors.destinationUnreachable(request.authority(), errorId), errorId, false);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "error " + errorId + ": " + outcome.rule() + " failed on " + request,
        failure);
    OutboundResponse answer =
        Outcome.HANDLER.equals(outcome.decision())
            ? ProxyErrors.handlerFailed(errorId)
            : ProxyErrors.passthroughFailed(errorId);
    return outcome.withResponse(answer, errorId, false);
  }
}
