-- Writes a dead letter back to the stream once, however often `dlq requeue` is repeated: a run that dies after this
-- script and before deleting the dead letter leaves it there, and the next run writes nothing.
-- KEYS[1] the stream, KEYS[2] the sorted set of dead-letter ids already written back (score: when), same slot
-- ARGV[1] dead-letter id, ARGV[2] now (Unix ms), ARGV[3] how long written ids are remembered (ms),
-- ARGV[4...] the entry's fields and values
-- Returns the new entry's id, or nil when it was written back before.
local now = tonumber(ARGV[2])
local remembered = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - remembered)
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return false
end
local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], remembered)
return id
