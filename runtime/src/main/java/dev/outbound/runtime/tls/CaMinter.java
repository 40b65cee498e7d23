package dev.outbound.runtime.tls;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Creates a new CA: a fresh key and a self-signed certificate that may sign leaves only. */
final class CaMinter {

  // Clients whose clocks lag a little still accept a certificate made just now.
  private static final Duration BACKDATE = Duration.ofDays(1);
  private static final int VALIDITY_YEARS = 10;

  private CaMinter() {}

  static CertificateAuthority mint() {
    KeyPair keys = Certificates.newKeyPair();
    Instant now = Instant.now();
    X500Principal subject =
        new X500Principal("CN=Outbound local CA " + shortRandomId() + ", O=Outbound");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            Certificates.randomSerial(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.atZone(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant()),
            subject,
            keys.getPublic());
    try {
      // Path length 0: the CA signs leaves, never another CA.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, Certificates.keyIdentifier(keys.getPublic()));
    } catch (CertIOException e) {
      throw new IllegalStateException("fixed extensions always encode", e);
    }
    return new CertificateAuthority(
        keys.getPrivate(), Certificates.sign(builder, keys.getPrivate()));
  }

  private static String shortRandomId() {
    return HexFormat.of().formatHex(Certificates.randomBytes(4));
  }
}
