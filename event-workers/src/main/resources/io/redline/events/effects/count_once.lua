-- Adds an order's figures to an aggregate once, however often its event is delivered, even if a worker died
-- after some other write: the set of orders counted lives in the aggregate's own slot, and the check and the
-- add are one atomic script.
-- KEYS[1] the set of orders already counted, KEYS[2] the aggregate
-- ARGV[1] order id, ARGV[2] 'incrby' (ARGV[3] = amount) or 'zincrby' (ARGV[3..] = member, increment, ...)
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
if ARGV[2] == 'incrby' then
  redis.call('INCRBY', KEYS[2], ARGV[3])
else
  for i = 3, #ARGV, 2 do
    redis.call('ZINCRBY', KEYS[2], ARGV[i + 1], ARGV[i])
  end
end
return 1
