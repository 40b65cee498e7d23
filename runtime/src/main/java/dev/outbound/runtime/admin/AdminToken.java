package dev.outbound.runtime.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin API's bearer token, kept in {@code admin.token} in the data directory: 32 random bytes
 * as hex, created at first start readable by the owner only (mode 0600).
 */
public final class AdminToken {

  public static final String FILE_NAME = "admin.token";

  private final byte[] token;

  private AdminToken(String token) {
    this.token = token.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the token, creating the file first when there is none. */
  public static AdminToken loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            file, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      }
    }
    return new AdminToken(read(dataDir));
  }

  /** The token as the CLI sends it. */
  public static String read(Path dataDir) throws IOException {
    return Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip();
  }

  /** Whether an {@code Authorization} header carries this token, compared in constant time. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] offered = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(offered, token);
  }
}
