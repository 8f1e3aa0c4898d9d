-- One message, in one atomic round trip: publish it on the room's channel and, unless it reached fewer than
-- ARGV[5] subscribers, push it on the room's history (newest first), keep the last ARGV[2] messages and
-- refresh the history's expiry. A sender whose own node holds the room asks for at least one subscriber (its
-- node): none means that node's subscription is down, and a message stored then would reach nobody live.
-- History and channel share the room's hash slot, so that this works on Redis Cluster with sharded pub/sub.
-- KEYS[1] chat:history:{R}   KEYS[2] chat:room:{R} (the channel)
-- ARGV[1] the message JSON   ARGV[2] history size   ARGV[3] expiry in seconds   ARGV[4] PUBLISH or SPUBLISH
-- ARGV[5] the subscribers it must reach to be stored
-- Returns the number of subscribers reached; fewer than ARGV[5] means nothing was stored.
local receivers = redis.call(ARGV[4], KEYS[2], ARGV[1])
if receivers < tonumber(ARGV[5]) then
  return receivers
end
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return receivers
