package dev.outbound.runtime.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A server certificate for one host name or IP address, signed by the installation's CA. */
public record LeafCertificate(X509Certificate certificate, PrivateKey privateKey) {}
