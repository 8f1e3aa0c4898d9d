-- Sliding-window log rate limiter: one decision, atomically, in one round trip, on Redis's clock.
-- KEYS[i]   one sorted set per limit (all keys share one hash slot); members are request units, scores their
--           arrival time in microseconds
-- ARGV[1]   weight of the request (units)
-- ARGV[2]   unique request id (members are id:1 .. id:weight, never a bare timestamp)
-- ARGV[3]   the limits, in KEYS order: "limit window limit window ..." (windows in microseconds)
-- Reply: {allowed (1/0), now, then per limit: units in the window, time at which the entry that frees room leaves}
-- A denied request is not recorded, so hammering does not extend the block.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local weight = tonumber(ARGV[1])
local id = ARGV[2]
local limits = {}
local windows = {}
for limit, window in string.gmatch(ARGV[3], '(%d+) (%d+)') do
  limits[#limits + 1] = tonumber(limit)
  windows[#windows + 1] = tonumber(window)
end
local allowed = 1
local counts = {}
for i = 1, #KEYS do
  local limit = limits[i]
  local window = windows[i]
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  counts[i] = redis.call('ZCARD', KEYS[i])
  if counts[i] + weight > limit then
    allowed = 0
  end
end
local reply = {allowed, now}
for i = 1, #KEYS do
  local limit = limits[i]
  local window = windows[i]
  if allowed == 1 then
    for j = 1, weight do
      redis.call('ZADD', KEYS[i], now, id .. ':' .. j)
    end
    redis.call('PEXPIRE', KEYS[i], math.ceil(window / 1000))
    counts[i] = counts[i] + weight
  end
  -- the entry whose departure makes room: for a denied request the one that lets this weight fit,
  -- otherwise the oldest (the next slot to free)
  local rank = 0
  if counts[i] + weight > limit and allowed == 0 then
    rank = counts[i] + weight - limit - 1
  end
  local entry = redis.call('ZRANGE', KEYS[i], rank, rank, 'WITHSCORES')
  local frees = now
  if entry[2] then
    frees = tonumber(entry[2]) + window
  end
  reply[#reply + 1] = counts[i]
  reply[#reply + 1] = frees
end
return reply
