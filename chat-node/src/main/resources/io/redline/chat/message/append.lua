-- One message, in one atomic round trip: push it on the room's history (newest first), keep the last
-- ARGV[2] messages, refresh the history's expiry, and publish it on the room's channel. History and
-- channel share the room's hash slot, so that this works on Redis Cluster with sharded pub/sub.
-- KEYS[1] chat:history:{R}   KEYS[2] chat:room:{R} (the channel)
-- ARGV[1] the message JSON   ARGV[2] history size   ARGV[3] expiry in seconds   ARGV[4] PUBLISH or SPUBLISH
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return redis.call(ARGV[4], KEYS[2], ARGV[1])
