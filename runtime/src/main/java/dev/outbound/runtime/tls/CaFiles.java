package dev.outbound.runtime.tls;

import dev.outbound.runtime.identity.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Set;

/**
 * The CA's two files. {@code ca.crt} is written last, so its presence means the CA is complete: a
 * key left without a certificate by a crash was never trusted by anyone and is simply replaced.
 */
final class CaFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY_KEY =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path directory;
  private final Path keyFile;
  private final Path certificateFile;

  CaFiles(Path directory) {
    this.directory = directory;
    this.keyFile = directory.resolve("ca.key");
    this.certificateFile = directory.resolve("ca.crt");
  }

  boolean certificateExists() {
    return Files.exists(certificateFile);
  }

  void save(CertificateAuthority ca) throws IOException {
    AtomicFile.write(keyFile, Pem.encode(Pem.PRIVATE_KEY, ca.privateKey().getEncoded()));
    AtomicFile.write(certificateFile, ca.caCertPem());
    // createDirectories leaves an existing directory's mode alone; the key's directory is private.
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
  }

  CertificateAuthority load() throws IOException {
    X509Certificate certificate = readCertificate();
    PrivateKey key = readKey();
    if (!signsFor(key, certificate)) {
      throw new IOException(
          ("%s is not the private key of %s; restore the matching key, or delete both files to"
                  + " create a new CA (containers must then trust the new one)")
              .formatted(keyFile, certificateFile));
    }
    return new CertificateAuthority(key, certificate);
  }

  private X509Certificate readCertificate() throws IOException {
    byte[] der = decode(certificateFile, Pem.CERTIFICATE);
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IOException(certificateFile + " is not a valid certificate: " + e.getMessage(), e);
    }
  }

  private PrivateKey readKey() throws IOException {
    checkOwnerOnly();
    byte[] der = decode(keyFile, Pem.PRIVATE_KEY);
    try {
      return KeyFactory.getInstance(Certificates.KEY_ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IOException(keyFile + " is not a valid EC private key: " + e.getMessage(), e);
    }
  }

  /** Like ssh with its keys: a CA key others could read may have been copied, so it is refused. */
  private void checkOwnerOnly() throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(keyFile);
    } catch (NoSuchFileException e) {
      throw new IOException(
          ("%s exists but its key %s is missing; restore the key, or delete %s to create a new CA"
                  + " (containers must then trust the new one)")
              .formatted(certificateFile, keyFile, certificateFile),
          e);
    }
    if (!OWNER_ONLY_KEY.containsAll(permissions)) {
      throw new IOException(
          ("refusing to use %s: its mode is %s but a CA key must be readable by its owner only"
                  + " (chmod 600 %s)")
              .formatted(keyFile, PosixFilePermissions.toString(permissions), keyFile));
    }
  }

  private static byte[] decode(Path file, String pemType) throws IOException {
    // PEM is ASCII; Latin-1 reads any bytes, so garbage is reported as bad PEM, not bad UTF-8.
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    try {
      return Pem.decode(pemType, text);
    } catch (IOException e) {
      throw new IOException(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** Signs a random probe with the key and verifies it with the certificate's public key. */
  private static boolean signsFor(PrivateKey key, X509Certificate certificate) {
    byte[] probe = Certificates.randomBytes(32);
    try {
      Signature signer = Signature.getInstance(Certificates.SIGNATURE_ALGORITHM);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(Certificates.SIGNATURE_ALGORITHM);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
