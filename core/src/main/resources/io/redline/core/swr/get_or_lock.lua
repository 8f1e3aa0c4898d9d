-- Takes the load lock of an entry, in one round trip. The only way the lock is taken (LoadLock).
-- KEYS[1] entry, KEYS[2] load lock, KEYS[3] hit-for-pass marker (all in one hash slot)
-- ARGV[1] owner token, ARGV[2] lock TTL in ms,
-- ARGV[3] '1' to return a stored entry instead of locking (a cold miss), '0' to lock over it (a stale refresh)
-- Reply {envelope or '', code}, the codes named by LoadLock.Claim:
--   3 STORED: the entry, which someone stored meanwhile (only when ARGV[3] is '1')
--   2 PASS:   the entry is marked not cacheable (every caller loads for itself); no lock taken
--   1 LOCKED: this caller now holds the lock; the reply holds the entry as stored now ('' if none), so that
--             a refresh sees whether another refresh stored a fresh one meanwhile
--   0 BUSY:   another caller holds the lock
if ARGV[3] == '1' then
  local entry = redis.call('GET', KEYS[1])
  if entry then
    return {entry, 3}
  end
end
if redis.call('EXISTS', KEYS[3]) == 1 then
  return {'', 2}
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {redis.call('GET', KEYS[1]) or '', 1}
end
return {'', 0}
