package dev.outbound.runtime.binding.redis;

/**
 * The Lua scripts of {@link RedisKvStore}, which keep a key's hash and the index in step. Redis
 * runs each atomically; every key a script touches is in the namespace's one cluster slot.
 */
final class RedisKvScripts {

  /**
   * Replaces a key. KEYS: hash, index. ARGV: name, time to live in ms (0 for none), then the hash's
   * fields and values.
   */
  static final LuaScript PUT =
      new LuaScript(
          """
          redis.call('DEL', KEYS[1])
          redis.call('HSET', KEYS[1], unpack(ARGV, 3))
          local ttl = tonumber(ARGV[2])
          if ttl > 0 then
            redis.call('PEXPIRE', KEYS[1], ttl)
          end
          redis.call('ZADD', KEYS[2], 0, ARGV[1])
          return 1
          """);

  /** Deletes a key, present or not. KEYS: hash, index. ARGV: name. */
  static final LuaScript DELETE =
      new LuaScript(
          """
          redis.call('DEL', KEYS[1])
          redis.call('ZREM', KEYS[2], ARGV[1])
          return 1
          """);

  /** Reads values and expirations. KEYS: hashes. Returns one {value, expiration} per key. */
  static final LuaScript READ_VALUES =
      new LuaScript(
          """
          local found = {}
          for i, hash in ipairs(KEYS) do
            found[i] = redis.call('HMGET', hash, 'v', 'x')
          end
          return found
          """);

  /**
   * Reads one page of the index in byte order, skipping keys expired at ARGV[5] and dropping names
   * whose hash Redis has already expired. KEYS: index. ARGV: hash key prefix, ZRANGEBYLEX min and
   * max, page size, now in epoch ms, most names to examine. Returns {{name, metadata,
   * expiration}...}, the last name examined, and 1 if names follow it.
   */
  static final LuaScript LIST =
      new LuaScript(
          """
          local index, prefix, min, max = KEYS[1], ARGV[1], ARGV[2], ARGV[3]
          local limit, now, budget = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
          local found, last = {}, false
          while #found < limit and budget > 0 do
            local names = redis.call('ZRANGEBYLEX', index, min, max,
                'LIMIT', 0, math.min(limit - #found, budget))
            if #names == 0 then
              break
            end
            budget = budget - #names
            for _, name in ipairs(names) do
              local hash = prefix .. name
              if redis.call('EXISTS', hash) == 0 then
                redis.call('ZREM', index, name)
              else
                local fields = redis.call('HMGET', hash, 'm', 'x')
                if not fields[2] or tonumber(fields[2]) * 1000 > now then
                  found[#found + 1] = {name, fields[1], fields[2]}
                end
              end
            end
            last = names[#names]
            min = '(' .. last
          end
          local more = last and #redis.call('ZRANGEBYLEX', index, min, max, 'LIMIT', 0, 1) > 0
          return {found, last, more and 1 or 0}
          """);

  private RedisKvScripts() {}
}
