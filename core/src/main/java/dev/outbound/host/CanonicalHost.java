package dev.outbound.host;

/** A host in canonical text, with its address bytes if it is an IP literal (else null). */
record CanonicalHost(String text, byte[] address) {}
