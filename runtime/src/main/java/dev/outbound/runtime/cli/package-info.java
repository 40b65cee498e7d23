/** The server jar's command line: {@code serve} and {@code containers create|list|delete}. */
package dev.outbound.runtime.cli;
