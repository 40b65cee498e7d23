package dev.outbound.runtime.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafCertificatesTest {

  private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private static CertificateAuthority ca;

  @BeforeAll
  static void createCa(@TempDir Path dataDir) throws IOException {
    ca = CertificateAuthority.loadOrCreate(dataDir);
  }

  @Test
  void leafForANameIsAServerCertificateSignedByTheCa() throws Exception {
    X509Certificate leaf = new LeafCertificates(ca).leafFor("my.kv").certificate();

    assertEquals("CN=my.kv", leaf.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(DNS_NAME, "my.kv")), subjectAltNames(leaf));
    assertEquals(ca.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
    leaf.verify(ca.certificate().getPublicKey());
    assertArrayEquals(Certificates.subjectKeyIdentifier(ca.certificate()), authorityKeyId(leaf));
    assertArrayEquals(
        Certificates.keyIdentifier(leaf.getPublicKey()).getKeyIdentifier(),
        Certificates.subjectKeyIdentifier(leaf));
    assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
    assertArrayEquals(
        new boolean[] {true, false, false, false, false, false, false, false, false},
        leaf.getKeyUsage(),
        "digitalSignature only");
    assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
    assertFalse(leaf.getCriticalExtensionOIDs().contains("2.5.29.17"), "SAN beside a CN");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), leaf.getExtendedKeyUsage(), "serverAuth");
  }

  @Test
  void leafIsBackdatedADayAndValidForAWeek() throws Exception {
    X509Certificate leaf = new LeafCertificates(ca).leafFor("my.kv").certificate();

    Instant now = Instant.now();
    assertAbout(now.minus(Duration.ofDays(1)), leaf.getNotBefore().toInstant());
    assertAbout(now.plus(Duration.ofDays(7)), leaf.getNotAfter().toInstant());
    leaf.checkValidity();
  }

  @Test
  void serialsAreRandomPositive128BitNumbers() {
    LeafCertificates leaves = new LeafCertificates(ca);
    X509Certificate one = leaves.leafFor("one.test").certificate();
    X509Certificate two = leaves.leafFor("two.test").certificate();

    assertEquals(1, one.getSerialNumber().signum());
    assertEquals(128, one.getSerialNumber().bitLength());
    assertNotEquals(one.getSerialNumber(), two.getSerialNumber());
  }

  @Test
  void ipLiteralsGetIpSubjectAltNames() throws Exception {
    LeafCertificates leaves = new LeafCertificates(ca);

    X509Certificate ipv4 = leaves.leafFor("127.0.0.1").certificate();
    X509Certificate ipv6 = leaves.leafFor("[2001:db8::1]").certificate();

    assertEquals(List.of(List.of(IP_ADDRESS, "127.0.0.1")), subjectAltNames(ipv4));
    assertEquals("CN=127.0.0.1", ipv4.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(IP_ADDRESS, "2001:db8:0:0:0:0:0:1")), subjectAltNames(ipv6));
    assertEquals("CN=2001:db8::1", ipv6.getSubjectX500Principal().getName());
  }

  @Test
  void nameLongerThanACommonNameIsInACriticalSanOnly() throws Exception {
    String longName = "a".repeat(63) + ".example.com";

    X509Certificate leaf = new LeafCertificates(ca).leafFor(longName).certificate();

    assertEquals("", leaf.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(DNS_NAME, longName)), subjectAltNames(leaf));
    assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.17"));
  }

  @Test
  void leavesAreCachedPerNameAndShareOneKey() {
    LeafCertificates leaves = new LeafCertificates(ca);

    LeafCertificate first = leaves.leafFor("my.kv");
    LeafCertificate other = leaves.leafFor("other.kv");

    assertSame(first, leaves.leafFor("my.kv"));
    assertNotEquals(first.certificate(), other.certificate());
    assertEquals(first.privateKey(), other.privateKey());
    assertEquals(first.certificate().getPublicKey(), other.certificate().getPublicKey());
  }

  @Test
  void cachedLeafIsReplacedLongBeforeItExpires() {
    AtomicLong nanos = new AtomicLong();
    LeafCertificates leaves = new LeafCertificates(ca, nanos::get);
    LeafCertificate first = leaves.leafFor("my.kv");

    nanos.addAndGet(LeafCertificates.CACHE_LIFETIME.toNanos() - 1);
    assertSame(first, leaves.leafFor("my.kv"));
    nanos.addAndGet(1);
    LeafCertificate second = leaves.leafFor("my.kv");

    assertNotSame(first, second);
    assertNotEquals(first.certificate().getSerialNumber(), second.certificate().getSerialNumber());
    Duration leftWhenDropped = LeafMinter.LIFETIME.minus(LeafCertificates.CACHE_LIFETIME);
    assertTrue(leftWhenDropped.compareTo(Duration.ofDays(5)) > 0, leftWhenDropped.toString());
  }

  private static List<List<?>> subjectAltNames(X509Certificate certificate) throws Exception {
    return List.copyOf(certificate.getSubjectAlternativeNames());
  }

  private static byte[] authorityKeyId(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue("2.5.29.35");
    return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }

  private static void assertAbout(Instant expected, Instant actual) {
    assertTrue(
        Duration.between(expected, actual).abs().compareTo(CLOCK_SLACK) < 0,
        actual + " is not close to " + expected);
  }
}
