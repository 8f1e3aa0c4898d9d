-- Puts a replay's rebuilt key in place of the live one, atomically (both share a slot). A rebuilt key that is gone
-- (it expired as it was written: the day is past its keeping time) takes the live key with it.
-- KEYS[1] the rebuilt key, KEYS[2] the live key
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  return 1
end
redis.call('DEL', KEYS[2])
return 0
