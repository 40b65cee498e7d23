/**
 * The server as a whole: {@link dev.outbound.runtime.server.OutboundServer} loads the container
 * classes, checks the configuration against them, starts the proxy and admin listeners, and offers
 * the admin operations to embedding programs as {@link dev.outbound.runtime.server.Admin}.
 */
package dev.outbound.runtime.server;
