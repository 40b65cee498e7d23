/**
 * The egress side of the proxy (SPEC §4.5): everything between "this request may go to the
 * internet" and the origin's answer.
 *
 * <ul>
 *   <li>{@link dev.outbound.runtime.egress.AddressClassifier} is the one function that says what
 *       kind of network an address is on.
 *   <li>{@link dev.outbound.runtime.egress.EgressGuard} resolves a name once, refuses it unless
 *       every address is public and not the proxy's own listener (or an IP/CIDR entry of {@code
 *       allowedHosts}, an {@link dev.outbound.runtime.egress.EgressExceptions}, names it), and
 *       returns the {@link dev.outbound.runtime.egress.Destination} to dial.
 *   <li>{@link dev.outbound.runtime.egress.HttpForwarder} sends the request there over HTTP/1.1, or
 *       TLS verified for the request's name, and streams the answer back.
 * </ul>
 *
 * <p>Passthrough, {@code ctx.fetch} and CONNECT tunnels all use the same guard; callers connect to
 * {@link dev.outbound.runtime.egress.Destination#vetted()}, never to a name.
 */
package dev.outbound.runtime.egress;
