package dev.outbound.runtime.binding.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script that Redis runs atomically. It is sent by its SHA-1 digest, and in full only when
 * the server does not have it yet: after a restart, or on a cluster node that never ran it.
 */
final class LuaScript {

  private final byte[] source;
  private final byte[] sha1;

  LuaScript(String source) {
    this.source = source.getBytes(StandardCharsets.UTF_8);
    this.sha1 = HexFormat.of().formatHex(sha1(this.source)).getBytes(StandardCharsets.US_ASCII);
  }

  /** Runs the script with {@code keys}, which must all be in one cluster slot, and {@code args}. */
  Object run(UnifiedJedis jedis, List<byte[]> keys, List<byte[]> args) {
    try {
      return jedis.evalsha(sha1, keys, args);
    } catch (JedisNoScriptException e) {
      return jedis.eval(source, keys, args);
    }
  }

  private static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
