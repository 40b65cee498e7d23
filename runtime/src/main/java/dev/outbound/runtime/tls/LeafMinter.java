package dev.outbound.runtime.tls;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Signs leaf certificates for exact host names and IP addresses, all with one key pair: a key per
 * name would cost a key generation per name and protect nothing, since one process holds them all.
 */
final class LeafMinter {

  // Clients whose clocks lag a little still accept a certificate made just now.
  static final Duration BACKDATE = Duration.ofDays(1);
  // Short, so a leaked leaf is soon useless; LeafCertificates re-mints long before this runs out.
  static final Duration LIFETIME = Duration.ofDays(7);
  // X.509's upper bound for a common name; longer names are carried by the SAN alone.
  private static final int MAX_COMMON_NAME = 64;

  private final CertificateAuthority ca;
  private final KeyPair keys;
  private final AuthorityKeyIdentifier authorityKeyIdentifier;
  private final SubjectKeyIdentifier subjectKeyIdentifier;

  LeafMinter(CertificateAuthority ca) {
    this.ca = ca;
    this.keys = Certificates.newKeyPair();
    this.authorityKeyIdentifier =
        new AuthorityKeyIdentifier(Certificates.subjectKeyIdentifier(ca.certificate()));
    this.subjectKeyIdentifier = Certificates.keyIdentifier(keys.getPublic());
  }

  /**
   * A leaf for a host as {@link dev.outbound.host.HostNormalizer} prints it: a name, an IPv4
   * address, or an IPv6 address in brackets.
   */
  LeafCertificate mint(String host) {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean longName = name.length() > MAX_COMMON_NAME;
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            ca.certificate(),
            Certificates.randomSerial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(LIFETIME)),
            new X500Principal(longName ? "" : "CN=" + name),
            keys.getPublic());
    try {
      // RFC 5280: with an empty subject the SAN must be critical.
      builder.addExtension(Extension.subjectAlternativeName, longName, subjectAltName(name));
      builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier);
      builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode the extensions of a leaf for " + host, e);
    }
    return new LeafCertificate(Certificates.sign(builder, ca.privateKey()), keys.getPrivate());
  }

  private static GeneralNames subjectAltName(String name) {
    int type = IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName;
    return new GeneralNames(new GeneralName(type, name));
  }
}
