-- Trims the stream below a bound, lowered to the oldest entry still pending in the group and to the first entry
-- not yet delivered to it, all read in one atomic view: read one after the other by a client, a consumer's read in
-- between could make entries pending that the bound no longer protects.
-- KEYS[1] the stream; ARGV[1] the group, ARGV[2] the bound the retention policy wants ("<ms>-<seq>")
-- Returns the entries trimmed, or -1 when the group does not exist (then nothing is trimmed).
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return {tonumber(ms), tonumber(seq)}
end
local function lower(a, b)
  if a[1] ~= b[1] then
    return a[1] < b[1] and a or b
  end
  return a[2] <= b[2] and a or b
end
local bound = parse(ARGV[2])
local found = false
for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local fields = {}
  for i = 1, #group, 2 do
    fields[group[i]] = group[i + 1]
  end
  if fields['name'] == ARGV[1] then
    found = true
    local delivered = parse(fields['last-delivered-id'])
    bound = lower(bound, {delivered[1], delivered[2] + 1})
  end
end
if not found then
  return -1
end
local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
if pending[1] > 0 then
  bound = lower(bound, parse(pending[2]))
end
return redis.call('XTRIM', KEYS[1], 'MINID', string.format('%d-%d', bound[1], bound[2]))
