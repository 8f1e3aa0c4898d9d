-- One event's effect on its order's projection, idempotent and order-independent.
-- KEYS[1] order:{ORDERID}
-- ARGV[1] status the event leads to (created | paid | shipped), ARGV[2] event timestamp (ms),
-- ARGV[3] total in cents (order.created only)
-- Each event fills its own fields only if they are empty (a duplicate changes nothing; a late order.created still
-- fills total and createdAt); the status only moves forward: created < paid < shipped.
local rank = {created = 1, paid = 2, shipped = 3}
local key = KEYS[1]
local status = ARGV[1]
if status == 'created' then
  redis.call('HSETNX', key, 'createdAt', ARGV[2])
  redis.call('HSETNX', key, 'total', ARGV[3])
elseif status == 'paid' then
  redis.call('HSETNX', key, 'paidAt', ARGV[2])
else
  redis.call('HSETNX', key, 'shippedAt', ARGV[2])
end
local current = redis.call('HGET', key, 'status')
if not current or (rank[current] or 0) < rank[status] then
  redis.call('HSET', key, 'status', status)
  return 1
end
return 0
