package dev.outbound.runtime.binding.embedded;

import dev.outbound.binding.ObjectInfo;
import dev.outbound.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The format of an object file, and of a multipart part: the body, then the object's info as UTF-8
 * JSON, then the JSON's length as a 4-byte big-endian int. Body and info in one file is what makes
 * a publish atomic: one rename switches both, and a reader that opened the file holds both of one
 * version.
 */
final class DirectoryBucketObjectFile {

  private static final int LENGTH_BYTES = Integer.BYTES;

  private DirectoryBucketObjectFile() {}

  /**
   * Writes the info of {@code info.size()} body bytes just written to {@code channel}, at its
   * position.
   */
  static void appendInfo(FileChannel channel, ObjectInfo info) throws IOException {
    byte[] json = Json.write(DirectoryBucketJson.objectInfo(info)).getBytes(StandardCharsets.UTF_8);
    ByteBuffer trailer =
        ByteBuffer.allocate(json.length + LENGTH_BYTES).put(json).putInt(json.length).flip();
    while (trailer.hasRemaining()) {
      channel.write(trailer);
    }
  }

  /**
   * Reads the info at the end of an object file; its body is the first {@code size()} bytes.
   *
   * @throws IOException if the file cannot be read or is not in this format
   */
  static ObjectInfo readInfo(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < LENGTH_BYTES) {
      throw new IOException("object file of " + fileSize + " bytes has no info");
    }
    int jsonLength = readFully(channel, fileSize - LENGTH_BYTES, LENGTH_BYTES).getInt();
    long bodySize = fileSize - LENGTH_BYTES - jsonLength;
    if (jsonLength <= 0 || bodySize < 0) {
      throw new IOException(
          "object file of " + fileSize + " bytes claims " + jsonLength + " bytes of info");
    }
    ByteBuffer json = readFully(channel, bodySize, jsonLength);
    ObjectInfo info;
    try {
      info =
          DirectoryBucketJson.objectInfo(
              Json.parseObject(StandardCharsets.UTF_8.decode(json).toString()));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      // A JsonException is an IllegalArgumentException; the others are fields missing or mistyped.
      throw new IOException("object file info is malformed", e);
    }
    if (info.size() != bodySize) {
      throw new IOException(
          "object file holds " + bodySize + " body bytes but its info says " + info.size());
    }
    return info;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("object file ended early");
      }
    }
    return buffer.flip();
  }
}
