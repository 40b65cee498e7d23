package dev.outbound.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

  @TempDir Path dataDir;

  @Test
  void firstStartWritesAPrivateKeyAndTheCertificate() throws IOException {
    CertificateAuthority ca = CertificateAuthority.loadOrCreate(dataDir);

    Path key = dataDir.resolve("ca/ca.key");
    assertEquals("rw-------", mode(key));
    assertEquals("rwx------", mode(dataDir.resolve("ca")));
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8 PEM");
    assertEquals(ca.caCertPem(), Files.readString(dataDir.resolve("ca/ca.crt")));
    assertTrue(ca.caCertPem().startsWith("-----BEGIN CERTIFICATE-----\n"));
  }

  @Test
  void existingCaDirectoryIsMadePrivate() throws IOException {
    Path directory = Files.createDirectory(dataDir.resolve("ca"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

    CertificateAuthority.loadOrCreate(dataDir);

    assertEquals("rwx------", mode(directory));
  }

  @Test
  void laterStartsLoadTheSameCa() throws Exception {
    CertificateAuthority created = CertificateAuthority.loadOrCreate(dataDir);
    CertificateAuthority reloaded = CertificateAuthority.loadOrCreate(dataDir);

    assertArrayEquals(created.certificate().getEncoded(), reloaded.certificate().getEncoded());
    assertEquals(created.caCertPem(), reloaded.caCertPem());
    assertEquals(created.privateKey(), reloaded.privateKey());
  }

  @Test
  void certificateIsAnEcCaThatMaySignLeavesOnly() throws Exception {
    X509Certificate ca = CertificateAuthority.loadOrCreate(dataDir).certificate();

    assertTrue(
        ca.getSubjectX500Principal()
            .getName()
            .matches("CN=Outbound local CA [0-9a-f]{8},O=Outbound"),
        ca.getSubjectX500Principal().getName());
    assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
    ca.verify(ca.getPublicKey());
    assertEquals(256, ((ECPublicKey) ca.getPublicKey()).getParams().getOrder().bitLength());
    assertEquals(0, ca.getBasicConstraints(), "CA:true, path length 0");
    assertArrayEquals(
        new boolean[] {false, false, false, false, false, true, true, false, false},
        ca.getKeyUsage(),
        "keyCertSign and cRLSign only");
    assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
    assertArrayEquals(
        Certificates.keyIdentifier(ca.getPublicKey()).getKeyIdentifier(),
        Certificates.subjectKeyIdentifier(ca));
    Instant now = Instant.now();
    assertAbout(now.minus(Duration.ofDays(1)), ca.getNotBefore().toInstant());
    assertAbout(now.atZone(ZoneOffset.UTC).plusYears(10).toInstant(), ca.getNotAfter().toInstant());
  }

  @Test
  void eachInstallationHasItsOwnCa() throws IOException {
    CertificateAuthority one = CertificateAuthority.loadOrCreate(dataDir.resolve("one"));
    CertificateAuthority two = CertificateAuthority.loadOrCreate(dataDir.resolve("two"));

    assertNotEquals(
        one.certificate().getSubjectX500Principal(), two.certificate().getSubjectX500Principal());
    assertNotEquals(one.certificate().getPublicKey(), two.certificate().getPublicKey());
  }

  @Test
  void keyReadableByOthersIsRefused() throws IOException {
    CertificateAuthority.loadOrCreate(dataDir);
    Path key = dataDir.resolve("ca/ca.key");

    for (String looseMode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rwx------"}) {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(looseMode));
      IOException refused =
          assertThrows(IOException.class, () -> CertificateAuthority.loadOrCreate(dataDir));
      assertTrue(refused.getMessage().contains(key.toString()), refused.getMessage());
      assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }
  }

  @Test
  void readOnlyKeyIsAccepted() throws IOException {
    CertificateAuthority created = CertificateAuthority.loadOrCreate(dataDir);
    Files.setPosixFilePermissions(
        dataDir.resolve("ca/ca.key"), PosixFilePermissions.fromString("r--------"));

    assertEquals(created.caCertPem(), CertificateAuthority.loadOrCreate(dataDir).caCertPem());
  }

  @Test
  void corruptFilesAreNamed() throws IOException {
    CertificateAuthority.loadOrCreate(dataDir);
    Path certificate = dataDir.resolve("ca/ca.crt");
    Path key = dataDir.resolve("ca/ca.key");
    String goodCertificate = Files.readString(certificate);

    Files.write(certificate, new byte[] {0, (byte) 0xff, 42});
    assertMessageNames(certificate, "corrupt");

    Files.writeString(
        certificate, goodCertificate.replace("-----\n", "-----\n!!").substring(0, 120));
    assertMessageNames(certificate, "corrupt");

    Files.writeString(certificate, goodCertificate);
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertMessageNames(key, "not a valid EC private key");

    Files.writeString(key, goodCertificate);
    assertMessageNames(key, "expected a PEM PRIVATE KEY block, found CERTIFICATE");
  }

  @Test
  void keyOfAnotherCaIsRefused() throws IOException {
    CertificateAuthority.loadOrCreate(dataDir.resolve("one"));
    CertificateAuthority.loadOrCreate(dataDir.resolve("two"));
    Path key = dataDir.resolve("one/ca/ca.key");
    Files.copy(dataDir.resolve("two/ca/ca.key"), key, StandardCopyOption.REPLACE_EXISTING);

    IOException refused =
        assertThrows(
            IOException.class, () -> CertificateAuthority.loadOrCreate(dataDir.resolve("one")));
    assertTrue(
        refused.getMessage().contains(key + " is not the private key of"), refused.getMessage());
  }

  @Test
  void loadingInTheBackgroundGivesTheSameCaAndTheSameRefusals() throws IOException {
    CertificateAuthority created = CertificateAuthority.startLoading(dataDir.resolve("one")).get();
    assertEquals(
        created.caCertPem(),
        CertificateAuthority.startLoading(dataDir.resolve("one")).get().caCertPem());

    CertificateAuthority.loadOrCreate(dataDir.resolve("two"));
    Path key = dataDir.resolve("one/ca/ca.key");
    Files.copy(dataDir.resolve("two/ca/ca.key"), key, StandardCopyOption.REPLACE_EXISTING);
    CertificateAuthority.Loading loading =
        CertificateAuthority.startLoading(dataDir.resolve("one"));
    IOException refused = assertThrows(IOException.class, loading::get);
    assertTrue(
        refused.getMessage().contains(key + " is not the private key of"), refused.getMessage());
  }

  @Test
  void certificateWithoutKeyIsRefused() throws IOException {
    CertificateAuthority.loadOrCreate(dataDir);
    Path key = dataDir.resolve("ca/ca.key");
    Files.delete(key);

    assertMessageNames(key, "is missing");
    assertFalse(Files.exists(key), "a trusted CA's key is never replaced silently");
  }

  @Test
  void keyLeftWithoutCertificateIsReplaced() throws IOException {
    CertificateAuthority first = CertificateAuthority.loadOrCreate(dataDir);
    Files.delete(dataDir.resolve("ca/ca.crt"));

    CertificateAuthority second = CertificateAuthority.loadOrCreate(dataDir);

    assertNotEquals(first.caCertPem(), second.caCertPem());
    assertEquals(second.caCertPem(), CertificateAuthority.loadOrCreate(dataDir).caCertPem());
  }

  private void assertMessageNames(Path file, String problem) {
    IOException refused =
        assertThrows(IOException.class, () -> CertificateAuthority.loadOrCreate(dataDir));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(problem), refused.getMessage());
  }

  private static void assertAbout(Instant expected, Instant actual) {
    assertTrue(
        Duration.between(expected, actual).abs().compareTo(CLOCK_SLACK) < 0,
        actual + " is not close to " + expected);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
