-- Sliding-window log rate limiter: decisions taken atomically, in one round trip, on Redis's clock. One call may
-- carry several decisions (the requests of many callers sent together): they are taken in order, each seeing what
-- the ones before it recorded, exactly as if they had been separate calls at the same instant.
-- KEYS      per decision, one sorted set per limit, in the limits' order (a call's keys share one hash slot);
--           members are request units, scores their arrival time in microseconds
-- ARGV[1]   the limits: "limit window limit window ..." (windows in microseconds)
-- ARGV[2k], ARGV[2k+1]   decision k: weight of the request (units), unique request id (members are id:1 .. id:weight)
-- Reply: {now, then per decision: allowed (1/0), then per limit: units in the window, time at which the entry that
-- frees room leaves}
-- A denied request is not recorded, so hammering does not extend the block.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local limits = {}
local windows = {}
for limit, window in string.gmatch(ARGV[1], '(%d+) (%d+)') do
  limits[#limits + 1] = tonumber(limit)
  windows[#windows + 1] = tonumber(window)
end
local per = #limits
local counts = {}
local expiries = {}
local reply = {now}
for d = 0, (#ARGV - 1) / 2 - 1 do
  local weight = tonumber(ARGV[2 + 2 * d])
  local id = ARGV[3 + 2 * d]
  local allowed = 1
  for i = 1, per do
    local key = KEYS[d * per + i]
    if counts[key] == nil then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windows[i])
      counts[key] = redis.call('ZCARD', key)
    end
    if counts[key] + weight > limits[i] then
      allowed = 0
    end
  end
  reply[#reply + 1] = allowed
  for i = 1, per do
    local key = KEYS[d * per + i]
    if allowed == 1 then
      for j = 1, weight do
        redis.call('ZADD', key, now, id .. ':' .. j)
      end
      expiries[key] = math.ceil(windows[i] / 1000)
      counts[key] = counts[key] + weight
    end
    -- the entry whose departure makes room: for a denied request the one that lets this weight fit,
    -- otherwise the oldest (the next slot to free)
    local rank = 0
    if counts[key] + weight > limits[i] and allowed == 0 then
      rank = counts[key] + weight - limits[i] - 1
    end
    local entry = redis.call('ZRANGE', key, rank, rank, 'WITHSCORES')
    local frees = now
    if entry[2] then
      frees = tonumber(entry[2]) + windows[i]
    end
    reply[#reply + 1] = counts[key]
    reply[#reply + 1] = frees
  end
end
for key, ttl in pairs(expiries) do
  redis.call('PEXPIRE', key, ttl)
end
return reply
