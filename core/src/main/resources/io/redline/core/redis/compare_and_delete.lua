-- Releases a lock only if the caller still owns it: an owner whose lock expired must not delete its successor's.
-- KEYS[1] the lock; ARGV[1] the owner token. Returns 1 when released.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
