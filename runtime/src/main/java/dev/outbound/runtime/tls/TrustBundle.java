package dev.outbound.runtime.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Writes the CA certificate as files for containers to trust. Some variables replace a client's
 * whole trust store and some add to it, so there are two files:
 *
 * <ul>
 *   <li>{@link #writeBundleWithSystemCas} for the variables that replace the system store, so that
 *       hosts which are passed through to the internet still verify: {@code SSL_CERT_FILE}
 *       (OpenSSL, and with it Python's {@code ssl}, Ruby and many more), {@code CURL_CA_BUNDLE}
 *       (curl), {@code REQUESTS_CA_BUNDLE} (Python requests) and {@code GIT_SSL_CAINFO} (git);
 *   <li>{@link #writeCaFile} for the variables that add to the built-in store: {@code
 *       NODE_EXTRA_CA_CERTS} (Node.js).
 * </ul>
 *
 * <p>The files are public certificates, written mode 0644 so a sandbox user other than the server's
 * can read them, and replaced atomically in case a running container reads them.
 */
public final class TrustBundle {

  static final String CA_FILE = "outbound-ca.crt";
  static final String BUNDLE_FILE = "outbound-ca-bundle.crt";
  private static final Path DEBIAN_SYSTEM_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private final String caCertPem;
  private final Path systemBundle;

  public TrustBundle(CertificateAuthority ca) {
    this(ca.caCertPem());
  }

  /** From the CA certificate as the admin API hands it out ({@code caCertPem}). */
  public TrustBundle(String caCertPem) {
    this(caCertPem, DEBIAN_SYSTEM_BUNDLE);
  }

  TrustBundle(CertificateAuthority ca, Path systemBundle) {
    this(ca.caCertPem(), systemBundle);
  }

  private TrustBundle(String caCertPem, Path systemBundle) {
    this.caCertPem = caCertPem;
    this.systemBundle = systemBundle;
  }

  /** Writes {@code outbound-ca.crt}, the CA certificate alone, into {@code dir}. */
  public Path writeCaFile(Path dir) throws IOException {
    return writePublicFile(dir.resolve(CA_FILE), caCertPem);
  }

  /**
   * Writes {@code outbound-ca-bundle.crt} into {@code dir}: the system CAs followed by ours. The
   * system CAs come from {@code /etc/ssl/certs/ca-certificates.crt} when the host has it, otherwise
   * from the JVM's default trust store.
   */
  public Path writeBundleWithSystemCas(Path dir) throws IOException {
    String system = Files.exists(systemBundle) ? Files.readString(systemBundle) : jvmTrustedPem();
    String separator = system.isEmpty() || system.endsWith("\n") ? "" : "\n";
    return writePublicFile(dir.resolve(BUNDLE_FILE), system + separator + caCertPem);
  }

  private static String jvmTrustedPem() {
    return Arrays.stream(jvmTrustManager().getAcceptedIssuers())
        .map(certificate -> Pem.encode(Pem.CERTIFICATE, Certificates.der(certificate)))
        .collect(Collectors.joining());
  }

  private static X509TrustManager jvmTrustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JVM's default trust store has no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JVM's default trust store", e);
    }
  }

  private static Path writePublicFile(Path file, String content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return file;
  }
}
