package dev.outbound.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustBundleTest {

  private static CertificateAuthority ca;

  @TempDir Path dir;

  @BeforeAll
  static void createCa(@TempDir Path dataDir) throws IOException {
    ca = CertificateAuthority.loadOrCreate(dataDir);
  }

  @Test
  void caFileHoldsOurCertificateAloneReadableByAll() throws Exception {
    Path file = new TrustBundle(ca).writeCaFile(dir.resolve("sandbox"));

    assertEquals(dir.resolve("sandbox/outbound-ca.crt"), file);
    assertEquals(ca.caCertPem(), Files.readString(file));
    assertEquals(List.of(ca.certificate()), certificatesIn(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void bundleIsTheSystemFileFollowedByOurCa() throws Exception {
    X509Certificate systemCa = CaMinter.mint().certificate();
    Path systemBundle = dir.resolve("ca-certificates.crt");
    // Without a final newline, to check the two files are not glued into one broken line.
    Files.writeString(systemBundle, Pem.encode(Pem.CERTIFICATE, systemCa.getEncoded()).strip());

    Path bundle = new TrustBundle(ca, systemBundle).writeBundleWithSystemCas(dir);

    assertEquals(dir.resolve("outbound-ca-bundle.crt"), bundle);
    assertEquals(List.of(systemCa, ca.certificate()), certificatesIn(bundle));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)));
  }

  @Test
  void withoutASystemFileTheBundleHasTheJvmTrustedCas() throws Exception {
    Path bundle =
        new TrustBundle(ca, dir.resolve("no-such-file.crt")).writeBundleWithSystemCas(dir);

    List<X509Certificate> written = certificatesIn(bundle);
    List<X509Certificate> jvmTrusted = Arrays.asList(jvmTrustManager().getAcceptedIssuers());
    assertTrue(jvmTrusted.size() > 10, "the JDK ships public CAs");
    assertEquals(jvmTrusted, written.subList(0, written.size() - 1));
    assertEquals(ca.certificate(), written.getLast());
  }

  @Test
  void rewritingReplacesTheFileWithoutLeavingTemporaryFiles() throws Exception {
    TrustBundle trustBundle = new TrustBundle(ca);
    trustBundle.writeCaFile(dir);
    trustBundle.writeCaFile(dir);

    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("outbound-ca.crt")), files.toList());
    }
  }

  private static List<X509Certificate> certificatesIn(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast)
          .toList();
    }
  }

  private static X509TrustManager jvmTrustManager() throws Exception {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
