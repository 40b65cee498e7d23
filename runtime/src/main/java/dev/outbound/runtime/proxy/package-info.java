/**
 * The container-facing proxy (SPEC §4.1–§4.6): {@link dev.outbound.runtime.proxy.ProxyHandler}
 * takes a request in (identity, destination from the request line), {@link
 * dev.outbound.runtime.proxy.Dispatcher} carries out the instance's policy decision (deny, handler
 * under a time limit, passthrough through the egress guard), and every outcome is written back,
 * recorded and counted.
 *
 * <p>Identity comes from an {@link dev.outbound.runtime.proxy.IdentitySource}: issued credentials
 * on the shared listener, or the listener itself when it belongs to one instance.
 */
package dev.outbound.runtime.proxy;
