package dev.outbound.runtime.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text: one DER block between {@code -----BEGIN type-----} and {@code -----END type-----}. */
final class Pem {

  static final String CERTIFICATE = "CERTIFICATE";
  static final String PRIVATE_KEY = "PRIVATE KEY";

  private Pem() {}

  static String encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return text.toString();
  }

  /**
   * The DER bytes of the first block, which must be of the given type.
   *
   * @throws IOException naming what was found instead, without echoing the content (it may be a
   *     key)
   */
  static byte[] decode(String type, String text) throws IOException {
    PemObject block;
    try (PemReader reader = new PemReader(new StringReader(text))) {
      block = reader.readPemObject();
    } catch (IOException | RuntimeException e) {
      throw new IOException("not valid PEM: " + e.getMessage(), e);
    }
    if (block == null) {
      throw new IOException("no PEM block found");
    }
    if (!block.getType().equals(type)) {
      throw new IOException("expected a PEM " + type + " block, found " + block.getType());
    }
    return block.getContent();
  }
}
