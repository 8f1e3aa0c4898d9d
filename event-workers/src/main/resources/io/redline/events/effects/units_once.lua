-- A batch's created orders of one UTC day added to the units sold per product, each order once (as
-- revenue_once.lua); the day's set of counted orders expires when a redelivery can no longer come.
-- KEYS[1] the day's set of counted orders, KEYS[2] the sorted set sku -> units
-- ARGV[1] when the set expires (Unix ms); then order id, number of lines n, then n pairs (sku, qty); then the next
local added = 0
local i = 2
while i <= #ARGV do
  local lines = tonumber(ARGV[i + 1])
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    for j = 0, lines - 1 do
      redis.call('ZINCRBY', KEYS[2], ARGV[i + 3 + 2 * j], ARGV[i + 2 + 2 * j])
    end
    added = added + 1
  end
  i = i + 2 + 2 * lines
end
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
return added
