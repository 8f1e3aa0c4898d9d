-- A batch's payments of one UTC day, each order counted once however often its event is delivered (and even
-- if a worker died after some other write): the set of counted orders lives in the revenue's own slot, and
-- check and add are one atomic script.
-- KEYS[1] the day's set of counted orders, KEYS[2] the day's revenue in cents
-- ARGV: order id, amount in cents, order id, amount, ...
local added = 0
for i = 1, #ARGV, 2 do
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    redis.call('INCRBY', KEYS[2], ARGV[i + 1])
    added = added + 1
  end
end
return added
