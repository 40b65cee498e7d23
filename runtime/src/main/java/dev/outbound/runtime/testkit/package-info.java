/**
 * The test kit: unit tests of container classes without a server.
 * {@link dev.outbound.runtime.testkit.OutboundTestKit} opens embedded bindings in a temporary directory
 * and builds container classes as the server does; a {@link dev.outbound.runtime.testkit.TestContainer}
 * decides each request with the server's policy code and runs the handler on the test's thread; a
 * {@link dev.outbound.runtime.testkit.Fetcher} plays the network.
 */
package dev.outbound.runtime.testkit;
