package dev.outbound.runtime.egress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fresh self-signed certificate for {@code localhost} and 127.0.0.1, made with the JDK's {@code
 * keytool} so no key material is kept in the repository.
 */
final class TestCertificate {

  private static final char[] PASSWORD = "test-only".toCharArray();

  private final KeyStore keyStore;

  private TestCertificate(KeyStore keyStore) {
    this.keyStore = keyStore;
  }

  static TestCertificate generate(Path directory)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path file = directory.resolve("origin.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "origin",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    return new TestCertificate(keyStore);
  }

  X509Certificate certificate() throws GeneralSecurityException {
    return (X509Certificate) keyStore.getCertificate("origin");
  }

  List<X509Certificate> asTrust() throws GeneralSecurityException {
    return List.of(certificate());
  }

  /** A server context that presents this certificate. */
  SSLContext serverContext() throws GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
