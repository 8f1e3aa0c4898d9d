-- Adds a dead letter once per original entry, however often the move is repeated: a worker that dies after this
-- script and before acknowledging the original leaves it pending, and the reaper moves it again.
-- KEYS[1] the dead-letter stream, KEYS[2] the sorted set of original ids already moved (score: when), same slot
-- ARGV[1] original id, ARGV[2] now (Unix ms), ARGV[3] DLQ_MAXLEN, ARGV[4] how long moved ids are remembered (ms),
-- ARGV[5...] the dead letter's fields and values
local now = tonumber(ARGV[2])
local remembered = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - remembered)
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return 0
end
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[3], '*', unpack(ARGV, 5))
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], remembered)
return 1
