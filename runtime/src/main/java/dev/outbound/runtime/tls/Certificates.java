package dev.outbound.runtime.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What the CA and the leaves share: EC P-256 keys, ECDSA with SHA-256, random serials.
 *
 * <p>EC P-256 rather than RSA 2048: every TLS client accepts both, and P-256 keys are generated in
 * about a millisecond and sign faster, which matters for a handshake per intercepted connection.
 * Bouncy Castle only builds the ASN.1; signing and parsing use the JDK's own providers, so no
 * security provider is registered globally.
 */
final class Certificates {

  static final String KEY_ALGORITHM = "EC";
  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final String CURVE = "secp256r1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
      generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK supports EC P-256", e);
    }
  }

  /**
   * A random positive 128-bit serial. The top bit is set so it is never zero and always encodes to
   * the same length; 127 random bits keep serials unpredictable and unique.
   */
  static BigInteger randomSerial() {
    return new BigInteger(1, randomBytes(16)).setBit(127);
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The RFC 5280 key identifier (SHA-1 of the public key bits) used for SKI and AKI. */
  static SubjectKeyIdentifier keyIdentifier(PublicKey key) {
    try {
      return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is always available", e);
    }
  }

  /** The key identifier in a certificate's subject key identifier extension. */
  static byte[] subjectKeyIdentifier(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IllegalArgumentException(
          certificate.getSubjectX500Principal() + " has no subject key identifier");
    }
    byte[] value = ASN1OctetString.getInstance(extension).getOctets();
    return SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
  }

  static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate can always be encoded again", e);
    }
  }

  static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a certificate with an EC P-256 key", e);
    }
  }
}
