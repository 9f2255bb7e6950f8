"""The ``RedisBudget`` Lua script: every step is one atomic script on Redis's own clock.

KEYS: the state hash (``id``, ``origin``, ``n``, ``spent``, ``reserved``), the holds sorted set
(hold id -> expiry, ms) and the amounts hash (hold id -> nano-dollars held, or a marker).
ARGV: op, the budget id this process knows ("" before its first contact), the highest ``n`` it
has seen, a fresh id (used if this call creates the state), then the op's own arguments.

Every answer starts with ``status, id, n``. Status ``lost``: the state is gone although this
process knew it (a restart without persistence, an eviction, a flush); ``replaced``: another
id was created meanwhile by a process that never knew the old one; ``rollback``: the state is
older than what this process already saw (Redis came back from an older copy). In those three
cases nothing is changed. A state written by ``reset`` (``origin`` "reset") is adopted by every
process: that is how an operator starts a lost budget again.

Idempotence, so a command whose answer was lost can be sent again: a reserve finds its own
hold; a settle removes the hold it settles, and a second settle of it finds nothing to do. A
hold that expired (its process died, or its settlement waited out an outage) is given back and
marked ``x``: a late settlement still charges it, once. A hold from before a reset is charged
once and marked ``s``. Markers are kept ``keep`` ms, then reaped.
"""

from __future__ import annotations

__all__ = ["SCRIPT"]

SCRIPT = r"""
local state, holds, amounts = KEYS[1], KEYS[2], KEYS[3]
local op, known, seen, fresh = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

if op == 'reset' then
  local spent = ARGV[5]
  local n = math.max(tonumber(redis.call('HGET', state, 'n') or '0'), seen) + 1
  if redis.call('EXISTS', state) == 0 then
    redis.call('DEL', holds, amounts)
    redis.call('HSET', state, 'reserved', '0')
  end
  redis.call('HSET', state, 'id', fresh, 'origin', 'reset', 'n', n, 'spent', spent)
  return {'ok', fresh, n}
end

local id = redis.call('HGET', state, 'id')
if not id then
  local exists = redis.call('EXISTS', state) == 1
  if known ~= '' and not exists then return {'lost', '', 0} end
  if op == 'read' and not exists then return {'ok', '', 0, '0', '0'} end
  -- first use anywhere (or a budget from before ids): this call names it
  id = fresh
  redis.call('HSET', state, 'id', id, 'origin', 'created')
end
local n = tonumber(redis.call('HGET', state, 'n') or '0')
if known ~= '' and id ~= known then
  if redis.call('HGET', state, 'origin') ~= 'reset' then return {'replaced', id, n} end
elseif known ~= '' and n < seen then
  return {'rollback', id, n}
end

local function amount(field) return redis.call('HGET', state, field) or '0' end
local function give_back(held)
  if held ~= '0' then redis.call('HINCRBY', state, 'reserved', '-' .. held) end
end

if op == 'read' then
  return {'ok', id, n, amount('spent'), amount('reserved')}
elseif op == 'reserve' then
  local limit, nanos, hold = tonumber(ARGV[5]), ARGV[6], ARGV[7]
  local ttl, keep = tonumber(ARGV[8]), tonumber(ARGV[9])
  local mine = redis.call('HGET', amounts, hold)
  if mine and mine ~= 'x' and mine ~= 's' then  -- a retry whose first try got through
    return {'ok', id, n, amount('spent'), amount('reserved')}
  end
  for _, expired in ipairs(redis.call('ZRANGEBYSCORE', holds, '-inf', now)) do
    local held = redis.call('HGET', amounts, expired)
    if held and held ~= 'x' and held ~= 's' then
      give_back(held)
      redis.call('HSET', amounts, expired, 'x')
      redis.call('ZADD', holds, now + keep, expired)
    else
      redis.call('HDEL', amounts, expired)
      redis.call('ZREM', holds, expired)
    end
  end
  local spent, reserved = amount('spent'), amount('reserved')
  if tonumber(spent) + tonumber(reserved) + tonumber(nanos) > limit then
    return {'no', id, n, spent, reserved}
  end
  redis.call('HINCRBY', state, 'reserved', nanos)
  redis.call('HSET', amounts, hold, nanos)
  redis.call('ZADD', holds, now + ttl, hold)
  n = redis.call('HINCRBY', state, 'n', 1)
  return {'ok', id, n, spent, reserved}
elseif op == 'settle' then
  -- ARGV[5] = keep; then triples: hold id, nano-dollars to charge, the id it was reserved under
  local keep = tonumber(ARGV[5])
  for i = 6, #ARGV, 3 do
    local hold, charge, under = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    local held = redis.call('HGET', amounts, hold)
    local charged = false
    if held == 'x' then  -- expired: already given back; the money was spent all the same
      charged = true
    elseif held and held ~= 's' then
      give_back(held)
      charged = true
    elseif not held and under ~= id then  -- reserved before a reset: not in this state
      charged = true
      redis.call('HSET', amounts, hold, 's')
      redis.call('ZADD', holds, now + keep, hold)
    end  -- otherwise settled already: this is a retry whose first answer was lost
    if charged then
      if held then
        redis.call('HDEL', amounts, hold)
        redis.call('ZREM', holds, hold)
      end
      if charge ~= '0' then redis.call('HINCRBY', state, 'spent', charge) end
    end
  end
  n = redis.call('HINCRBY', state, 'n', 1)
  return {'ok', id, n}
end
return redis.error_reply('gptkit: unknown budget op ' .. tostring(op))
"""
