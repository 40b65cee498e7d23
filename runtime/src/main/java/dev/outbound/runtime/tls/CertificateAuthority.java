package dev.outbound.runtime.tls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

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

  /**
   * Starts loading an existing CA on a virtual thread, since checking that its key matches its
   * certificate (a signature) is the costliest step of a server's start; {@link Loading#get} waits
   * for it. A CA still to be created is created by {@link Loading#get}, on its caller's thread, so
   * that a start refused before then writes no CA.
   */
  public static Loading startLoading(Path dataDir) {
    CaFiles files = new CaFiles(dataDir.resolve(DIRECTORY));
    if (!files.certificateExists()) {
      return new Loading(dataDir, null);
    }
    FutureTask<CertificateAuthority> loading = new FutureTask<>(files::load);
    Thread.ofVirtual().name("ca-loading").start(loading);
    return new Loading(dataDir, loading);
  }

  /** A CA being loaded by {@link #startLoading}. */
  public static final class Loading {

    private final Path dataDir;
    private final Future<CertificateAuthority> existing; // null when there was no CA to load

    private Loading(Path dataDir, Future<CertificateAuthority> existing) {
      this.dataDir = dataDir;
      this.existing = existing;
    }

    /**
     * The CA, as {@link #loadOrCreate} returns it.
     *
     * @throws IOException as {@link #loadOrCreate} throws it
     */
    public CertificateAuthority get() throws IOException {
      if (existing == null) {
        return loadOrCreate(dataDir);
      }
      try {
        return existing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while loading the CA of " + dataDir);
      } catch (ExecutionException e) {
        switch (e.getCause()) {
          // a new one, so that the trace shows who waited; the message stays the loader's
          case IOException failed -> throw new IOException(failed.getMessage(), failed);
          case RuntimeException failed -> throw failed;
          case Error failed -> throw failed;
          default -> throw new IllegalStateException(e.getCause());
        }
      }
    }
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
