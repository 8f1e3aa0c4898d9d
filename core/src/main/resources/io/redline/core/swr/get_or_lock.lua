-- Cold miss, in one round trip: the entry if someone stored it meanwhile, else take the load lock.
-- KEYS[1] entry, KEYS[2] load lock, KEYS[3] hit-for-pass marker (all in one hash slot)
-- ARGV[1] owner token, ARGV[2] lock TTL in ms
-- Reply: {envelope, 0} when stored; {'', 1} when this caller now holds the lock; {'', 2} when the entry is marked
-- not cacheable (every caller loads for itself); {'', 0} when another caller is loading.
local entry = redis.call('GET', KEYS[1])
if entry then
  return {entry, 0}
end
if redis.call('EXISTS', KEYS[3]) == 1 then
  return {'', 2}
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'', 1}
end
return {'', 0}
