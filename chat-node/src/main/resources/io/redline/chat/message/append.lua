-- One message, in one atomic round trip: unless the room's channel has fewer than ARGV[5] subscribers, push the
-- message on the room's history (newest first), keep the last ARGV[2] messages, refresh the history's expiry,
-- then publish it. A sender whose own node holds the room asks for at least one subscriber (its node): none means
-- that node's subscription is down, and a message stored then would reach nobody live.
-- Stored before it is published: a write that Redis refuses (OOM, or NOREPLICAS on a master cut off from its
-- replicas by a failover, with min-replicas-to-write set) fails the script before anyone has seen the message, so
-- no client ever receives a message that its sender was told was not sent.
-- History and channel share the room's hash slot, so that this works on Redis Cluster with sharded pub/sub.
-- KEYS[1] chat:history:{R}   KEYS[2] chat:room:{R} (the channel)
-- ARGV[1] the message JSON   ARGV[2] history size   ARGV[3] expiry in seconds   ARGV[4] PUBLISH or SPUBLISH
-- ARGV[5] the subscribers it must reach to be stored
-- Returns the number of subscribers reached; fewer than ARGV[5] means nothing was stored or sent.
local count = ARGV[4] == 'SPUBLISH' and 'SHARDNUMSUB' or 'NUMSUB'
local subscribers = redis.call('PUBSUB', count, KEYS[2])[2]
if subscribers < tonumber(ARGV[5]) then
  return subscribers
end
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return redis.call(ARGV[4], KEYS[2], ARGV[1])
