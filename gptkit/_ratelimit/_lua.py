"""The Redis backend's one Lua script: ``_core``'s steps, run atomically on Redis time.

KEYS[1] is the scope's hash. ARGV: op, rpm, tpm ("" = none), window, jitter, adaptive (0/1),
requests and tokens to give back first (this process's deferred corrections), then the op's
own arguments. Numbers come back as strings (Redis would truncate Lua floats to integers).
Every line mirrors a step of ``gptkit._ratelimit._core``; the tests run both on the same
sequences. Not mirrored: the pause for an idle lane's first answer (``_core.catch_up``), kept
in-process, since a shared lane whose answers were lost in an outage would stay paused.
"""

from __future__ import annotations

__all__ = ["SCRIPT"]

SCRIPT = r"""
local key = KEYS[1]
local op = ARGV[1]
local cfg_rpm, cfg_tpm = tonumber(ARGV[2]), tonumber(ARGV[3])
local window, jitter = tonumber(ARGV[4]), tonumber(ARGV[5])
local adaptive = ARGV[6] == '1'
local back_req, back_tok = tonumber(ARGV[7]), tonumber(ARGV[8])
local TOLERANCE = 0.02

local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000

local s = redis.call('HMGET', key, 'ru', 'rs', 'tu', 'ts', 'srpm', 'stpm', 'shift', 'hold')
local ru, rs = tonumber(s[1]) or 0, tonumber(s[2]) or 0
local tu, ts = tonumber(s[3]) or 0, tonumber(s[4]) or 0
local srpm, stpm = tonumber(s[5]), tonumber(s[6])
local shift, hold_until = tonumber(s[7]) or 0, tonumber(s[8]) or 0

local function fmt(x) return string.format('%.17g', x) end
local function lesser(a, b)
  if a == nil then return b end
  if b == nil then return a end
  return math.min(a, b)
end
local function limits()
  if not adaptive then return cfg_rpm, cfg_tpm end
  return lesser(cfg_rpm, srpm), lesser(cfg_tpm, stpm)
end
local function level(used, stamp, limit)
  return math.max(0, used - limit / 60 * math.max(0, now - stamp))
end
local function capacity(limit) return limit * window / 60 end
local function usable(limit)
  local c = capacity(limit)
  return math.max(c - limit / 60 * jitter, c / 2)
end

local rpm, tpm = limits()
-- give_back: deferred corrections (refunds, cancelled waits, extra charges)
if rpm and back_req ~= 0 then ru = math.max(0, level(ru, rs, rpm) - back_req); rs = now end
if tpm and back_tok ~= 0 then tu = math.max(0, level(tu, ts, tpm) - back_tok); ts = now end

local result
if op == 'reserve' then
  local tokens = tonumber(ARGV[9])
  if tpm and tokens > capacity(tpm) then
    result = {'never', fmt(capacity(tpm))}
  else
    local wait = math.max(0, hold_until - now)
    local lr, lt
    if rpm then
      lr = level(ru, rs, rpm)
      wait = math.max(wait, (lr + 1 - usable(rpm)) / (rpm / 60))
    end
    if tpm then
      lt = level(tu, ts, tpm)
      wait = math.max(wait, (lt + tokens - usable(tpm)) / (tpm / 60))
    end
    if rpm then ru = lr + 1; rs = now end
    if tpm then tu = lt + tokens; ts = now end
    result = {'ok', fmt(wait), fmt(shift)}
  end
elseif op == 'observe' then
  if adaptive then
    local lim_r, lim_t = tonumber(ARGV[9]), tonumber(ARGV[10])
    local rem_r, rem_t = tonumber(ARGV[11]), tonumber(ARGV[12])
    local age = math.max(0, tonumber(ARGV[13]) or 0)
    if lim_r and lim_r > 0 then srpm = lim_r end
    if lim_t and lim_t > 0 then stpm = lim_t end
    rpm, tpm = limits()
    if rpm and rem_r then
      local c = capacity(rpm)
      local l = level(ru, rs, rpm)
      local seen = c - rem_r - rpm / 60 * age
      if seen > l + 1 + TOLERANCE * c then ru = seen; rs = now end
    end
    if tpm and rem_t then
      local c = capacity(tpm)
      local l = level(tu, ts, tpm)
      local seen = c - rem_t - tpm / 60 * age
      if seen > l + 1 + TOLERANCE * c then tu = seen; ts = now end
    end
  end
  result = {'ok'}
elseif op == 'hold' then
  local target = now + tonumber(ARGV[9])
  if target > hold_until then
    local delta = target - math.max(hold_until, now)
    if rpm then ru = level(ru, rs, rpm) + rpm / 60 * delta; rs = now end
    if tpm then tu = level(tu, ts, tpm) + tpm / 60 * delta; ts = now end
    shift = shift + delta
    hold_until = target
  end
  result = {'ok'}
else
  return redis.error_reply('gptkit: unknown rate limit op ' .. tostring(op))
end

local fields = {'ru', fmt(ru), 'rs', fmt(rs), 'tu', fmt(tu), 'ts', fmt(ts),
                'shift', fmt(shift), 'hold', fmt(hold_until)}
if srpm then table.insert(fields, 'srpm'); table.insert(fields, fmt(srpm)) end
if stpm then table.insert(fields, 'stpm'); table.insert(fields, fmt(stpm)) end
redis.call('HSET', key, unpack(fields))
-- Keep the state while queued reservations drain, and learned limits ten minutes past that.
local drain = math.max(0, hold_until - now)
if rpm then drain = math.max(drain, level(ru, rs, rpm) / (rpm / 60)) end
if tpm then drain = math.max(drain, level(tu, ts, tpm) / (tpm / 60)) end
redis.call('EXPIRE', key, math.ceil(drain + 600))

-- The current estimates, for stats(): limits in force, available now, hold remaining.
table.insert(result, rpm and fmt(rpm) or '')
table.insert(result, tpm and fmt(tpm) or '')
table.insert(result, rpm and fmt(usable(rpm) - level(ru, rs, rpm)) or '')
table.insert(result, tpm and fmt(usable(tpm) - level(tu, ts, tpm)) or '')
table.insert(result, fmt(math.max(0, hold_until - now)))
return result
"""
