-- Removes a consumer only if it holds no pending entry, atomically: deleting a consumer deletes its pending
-- entries, and a check followed by a separate delete could lose an entry delivered in between.
-- KEYS[1] the stream; ARGV[1] the group, ARGV[2] the consumer. Returns -1 when it holds entries.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if #pending > 0 then
  return -1
end
return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
