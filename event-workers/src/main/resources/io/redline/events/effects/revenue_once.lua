-- A batch's payments of one UTC day, each order counted once however often its event is delivered (and even
-- if a worker died after some other write): the set of counted orders lives in the revenue's own slot, and
-- check and add are one atomic script. Both keys expire: the set when a redelivery can no longer come, the
-- revenue when the day is out of reach of every report.
-- KEYS[1] the day's set of counted orders, KEYS[2] the day's revenue in cents
-- ARGV[1] when the set expires, ARGV[2] when the revenue expires (Unix ms); then order id, amount in cents, ...
local added = 0
for i = 3, #ARGV, 2 do
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    redis.call('INCRBY', KEYS[2], ARGV[i + 1])
    added = added + 1
  end
end
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('PEXPIREAT', KEYS[2], ARGV[2])
end
return added
