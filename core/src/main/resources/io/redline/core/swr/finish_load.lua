-- End of a load, in one round trip: store the entry (or mark it not cacheable), then release the lock if this
-- caller still owns it (compare-and-delete: an expired owner must not delete its successor's lock).
-- KEYS[1] entry, KEYS[2] load lock, KEYS[3] hit-for-pass marker, KEYS[4] the entry's cache key in clear (for a
-- purge by prefix; it lives exactly as long as the entry)
-- ARGV[1] 'store' | 'pass' | 'none' (named by LoadLock.Finish), ARGV[2] envelope, ARGV[3] TTL in ms,
-- ARGV[4] owner token, ARGV[5] the cache key
-- Reply: 1 when the lock was this caller's and is released, else 0
if ARGV[1] == 'store' then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[3])
  redis.call('DEL', KEYS[3])
elseif ARGV[1] == 'pass' then
  redis.call('SET', KEYS[3], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1], KEYS[4])
end
if redis.call('GET', KEYS[2]) == ARGV[4] then
  redis.call('DEL', KEYS[2])
  return 1
end
return 0
