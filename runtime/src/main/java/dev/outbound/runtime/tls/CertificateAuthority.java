package dev.outbound.runtime.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The installation's own certificate authority, which signs the leaf certificates the proxy shows
 * when it intercepts HTTPS. Containers trust it through {@link TrustBundle}.
 *
 * <p>It is created at first start under {@code <dataDir>/ca/}: {@code ca.key} (PKCS#8 PEM, mode
 * 0600, directory 0700) and {@code ca.crt} (PEM). Later starts load the same files, so containers
 * that already trust the CA keep trusting it. The CA is an EC P-256 key with a self-signed
 * certificate for "CN=Outbound local CA &lt;random id&gt;, O=Outbound", valid for ten years, that
 * may sign leaf certificates only (path length 0); the random id tells the CAs of different
 * installations apart in a trust store.
 */
public final class CertificateAuthority {

  private static final String DIRECTORY = "ca";

  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final String certificatePem;

  CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.certificatePem = Pem.encode(Pem.CERTIFICATE, Certificates.der(certificate));
  }

  /**
   * Loads the CA from {@code <dataDir>/ca/}, or creates it there when it has no certificate yet.
   *
   * @throws IOException when the files cannot be read or written, when {@code ca.key} can be read
   *     by anyone but its owner, or when a file is corrupt (the message names the file)
   */
  public static CertificateAuthority loadOrCreate(Path dataDir) throws IOException {
    CaFiles files = new CaFiles(dataDir.resolve(DIRECTORY));
    if (files.certificateExists()) {
      return files.load();
    }
    CertificateAuthority created = CaMinter.mint();
    files.save(created);
    return created;
  }

  /** The CA certificate as PEM, for the admin API and for containers' trust stores. */
  public String caCertPem() {
    return certificatePem;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey privateKey() {
    return privateKey;
  }
}
