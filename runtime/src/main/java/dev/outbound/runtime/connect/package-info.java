/**
 * HTTPS through the proxy (SPEC §4.7): a {@code CONNECT} that starts a connection on a proxy listener is
 * taken from Helidon's HTTP/1 handling, checked against the instance's policy before anything else, and
 * then either becomes a byte tunnel to the address the egress guard vetted, or, with {@code interceptHttps},
 * has its TLS terminated with a minted leaf so that every request inside is served like a plain one.
 */
package dev.outbound.runtime.connect;
