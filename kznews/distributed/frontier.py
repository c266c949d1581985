"""The shared frontier in Redis: its keys, and the scripts that change them atomically.

Every change a worker makes is one Lua script (or a MULTI of them), so a worker killed at
any moment leaves the frontier consistent:

- a request waits in its host's queue ``{p}:q:{host}`` (a sorted set: Scrapy's priority first,
  highest first, then the order it was queued in); ``{p}:hosts`` (a sorted set) holds the hosts
  with waiting requests, scored by when each may be asked next;
- ``claim`` hands a worker the next request of hosts whose politeness slot ``{p}:slot:{host}``
  is free, takes the slot (``SET PX``: held while the request is out, then for the host's delay)
  and moves the request to the worker's in-flight hash ``{p}:inflight:{worker}``;
- ``push`` de-duplicates against the run's fingerprints ``{p}:seen`` and queues, in one step
  (a fingerprint is never recorded for a request that was not queued); an outlet's article
  requests are counted in ``{p}:articles`` and refused beyond the run's ``--max-articles``;
- ``stream`` sends a page to the writer's stream ``{p}:pages`` and, when the page is the last
  thing its request produces, forgets the request in the same step (``done`` otherwise, once
  everything the request produced is in Redis): a page in the stream is not fetched again;
- ``reap`` puts the in-flight requests of a worker whose heartbeat ran out (its lease on them,
  ``KZNEWS_REDIS_WORKER_TIMEOUT``) back in their hosts' queues, where they were: what the worker
  had already sent to the stream is not fetched again, at most what it had downloaded and not yet
  sent is, none is lost;
- the run is finished when no request waits (``{p}:queued``) and none is held (``{p}:inflight_n``).

Times are Redis's own (``TIME``), so workers on machines with different clocks agree.
A queue entry is ``url + "\\n" + payload`` (the encoded request), behind a sequence number that
keeps it unique and in order: the scripts read the URL to hand over what the run knows of it
(archived before? the host's robots.txt verdict).
"""

from __future__ import annotations

from dataclasses import dataclass

from redis import Redis
from redis.commands.core import Script


@dataclass(frozen=True)
class Keys:
    """The Redis keys of the shared run under ``prefix``."""

    prefix: str

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return f"{self.prefix}:{name}"

    def inflight(self, worker: str) -> str:
        return f"{self.prefix}:inflight:{worker}"

    def robots(self, netloc: str) -> str:
        return f"{self.prefix}:robots:{netloc}"


_NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"

# KEYS: run, runs, seen, workers, inflight_n, my inflight, articles; ARGV: worker, timeout ms, command, args,
# started_at
JOIN = """
local state = redis.call('HGET', KEYS[1], 'state')
local created = 0
if state ~= 'running' then
  local id = redis.call('INCR', KEYS[2])
  redis.call('DEL', KEYS[1], KEYS[3], KEYS[7])
  redis.call('HSET', KEYS[1], 'id', id, 'state', 'running', 'command', ARGV[3], 'args', ARGV[4],
             'started_at', ARGV[5])
  created = 1
end
""" + _NOW + """
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), ARGV[1])
if redis.call('HSETNX', KEYS[6], 'start', '') == 1 then redis.call('INCR', KEYS[5]) end
return {redis.call('HGET', KEYS[1], 'id'), created}
"""

# KEYS: seen, hosts, queued, seq, articles; ARGV: prefix, then (fingerprint, host, entry, force, priority, outlet,
# limit) per request.  ``outlet`` ("" for none) names the outlet whose article requests this one counts
# against: one beyond ``limit`` (0: none) is refused, and its fingerprint not recorded.
PUSH = """
local n = 0
for i = 2, #ARGV, 7 do
  local queue = ARGV[i + 3] == '1'
  if not queue then
    local outlet, limit = ARGV[i + 5], tonumber(ARGV[i + 6])
    if outlet == '' then
      queue = redis.call('SADD', KEYS[1], ARGV[i]) == 1
    elseif redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 0
           and (limit == 0 or tonumber(redis.call('HGET', KEYS[5], outlet) or '0') < limit) then
      redis.call('SADD', KEYS[1], ARGV[i])
      redis.call('HINCRBY', KEYS[5], outlet, 1)
      queue = true
    end
  end
  if queue then
    local member = string.format('%016d', redis.call('INCR', KEYS[4])) .. '\\n' .. ARGV[i + 2]
    redis.call('ZADD', ARGV[1] .. ':q:' .. ARGV[i + 1], -tonumber(ARGV[i + 4]), member)
    redis.call('ZADD', KEYS[2], 'NX', 0, ARGV[i + 1])
    n = n + 1
  end
end
redis.call('INCRBY', KEYS[3], n)
return n
"""

# KEYS: hosts, my inflight, queued, inflight_n, seq, archived; ARGV: prefix, lease ms, how many, worker
CLAIM = _NOW + """
local out = {}
local want = tonumber(ARGV[3])
local lease = tonumber(ARGV[2])
local hosts = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, want * 4 + 8)
for _, host in ipairs(hosts) do
  if want == 0 then break end
  local slot = ARGV[1] .. ':slot:' .. host
  local ttl = redis.call('PTTL', slot)
  if ttl > 0 then
    redis.call('ZADD', KEYS[1], now + ttl, host)
  else
    local q = ARGV[1] .. ':q:' .. host
    local popped = redis.call('ZPOPMIN', q)
    if #popped == 0 then
      redis.call('ZREM', KEYS[1], host)
    else
      local member, score = popped[1], popped[2]
      local entry = string.sub(member, 18)
      redis.call('SET', slot, ARGV[4], 'PX', lease)
      if redis.call('ZCARD', q) == 0 then
        redis.call('ZREM', KEYS[1], host)
      else
        redis.call('ZADD', KEYS[1], now + lease, host)
      end
      local id = tostring(redis.call('INCR', KEYS[5]))
      redis.call('HSET', KEYS[2], id, host .. '\\n' .. score .. '\\n' .. member)
      redis.call('DECR', KEYS[3])
      redis.call('INCR', KEYS[4])
      local url = string.sub(entry, 1, string.find(entry, '\\n', 1, true) - 1)
      local archived = redis.call('HGET', KEYS[6], url) or ''
      local netloc = string.match(url, '^[%a][%w+.-]*://([^/?#]+)')
      local robots = (netloc and redis.call('GET', ARGV[1] .. ':robots:' .. netloc)) or ''
      table.insert(out, {id, entry, archived, robots})
      want = want - 1
    end
  end
end
return out
"""

# KEYS: my inflight, inflight_n; ARGV: ids
DONE = """
local n = redis.call('HDEL', KEYS[1], unpack(ARGV))
if n > 0 then redis.call('DECRBY', KEYS[2], n) end
return n
"""

# KEYS: pages, my inflight, inflight_n; ARGV: claim id ("": none), then the stream entry's fields and values.
# The page of a request that has nothing else to send: the page in the stream and the request forgotten, at once.
STREAM = """
redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
if ARGV[1] ~= '' and redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then redis.call('DECR', KEYS[3]) end
return 1
"""

# KEYS: slot, hosts; ARGV: worker, delay ms, host
# The host may be asked again ``delay`` after its answer ended (its slot is held that long).
RELEASE = _NOW + """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  local delay = tonumber(ARGV[2])
  if delay > 0 then
    redis.call('SET', KEYS[1], ARGV[1], 'PX', delay)
  else
    redis.call('DEL', KEYS[1])
  end
  redis.call('ZADD', KEYS[2], 'XX', now + delay, ARGV[3])
end
return 1
"""

# KEYS: slot, hosts; ARGV: pause ms, host: no worker asks the host for ``pause`` (Retry-After), whoever holds it
PAUSE = _NOW + """
local pause = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < pause then
  redis.call('SET', KEYS[1], 'paused', 'PX', pause)
  redis.call('ZADD', KEYS[2], 'XX', now + pause, ARGV[2])
end
return 1
"""

_REQUEUE = """
local function requeue(prefix, inflight, worker, delay)
  local held = redis.call('HGETALL', inflight)
  local n, back = 0, 0
  for i = 1, #held, 2 do
    n = n + 1
    local value = held[i + 1]
    if value ~= '' then
      local cut = string.find(value, '\\n', 1, true)
      local host = string.sub(value, 1, cut - 1)
      local cut2 = string.find(value, '\\n', cut + 1, true)
      redis.call('ZADD', prefix .. ':q:' .. host, string.sub(value, cut + 1, cut2 - 1), string.sub(value, cut2 + 1))
      redis.call('ZADD', prefix .. ':hosts', 'NX', 0, host)
      local slot = prefix .. ':slot:' .. host
      if redis.call('GET', slot) == worker then
        if delay > 0 then redis.call('PEXPIRE', slot, delay) else redis.call('DEL', slot) end
      end
      back = back + 1
    end
  end
  redis.call('DEL', inflight)
  redis.call('DECRBY', prefix .. ':inflight_n', n)
  redis.call('INCRBY', prefix .. ':queued', back)
  return back
end
"""

# KEYS: workers; ARGV: prefix, delay ms: requeue what dead workers held; returns how many requests
REAP = _REQUEUE + _NOW + """
local back = 0
for _, worker in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
  back = back + requeue(ARGV[1], ARGV[1] .. ':inflight:' .. worker, worker, tonumber(ARGV[2]))
  redis.call('ZREM', KEYS[1], worker)
end
return back
"""

# KEYS: workers; ARGV: prefix, worker, delay ms: a worker that stops hands back what it still holds
LEAVE = _REQUEUE + """
local back = requeue(ARGV[1], ARGV[1] .. ':inflight:' .. ARGV[2], ARGV[2], tonumber(ARGV[3]))
redis.call('ZREM', KEYS[1], ARGV[2])
return back
"""

# KEYS: workers; ARGV: worker, timeout ms
BEAT = _NOW + "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) return 1"

# KEYS: run, queued, inflight_n, pages, articles: the run's id, whether it is finished, the stream's length and
# the article requests queued per outlet
COUNTS = """
return {redis.call('HGET', KEYS[1], 'id') or '', redis.call('HGET', KEYS[1], 'state') or '',
        tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'),
        redis.call('XLEN', KEYS[4]), redis.call('HGETALL', KEYS[5])}
"""

# KEYS: run, queued, inflight_n, seen, pages, articles; ARGV: run id, ended_at
# The run is over when nothing waits and nothing is held: marked finished once, its fingerprints
# dropped (the next run fetches its feeds again), and the writer told through the stream.
FINISH = """
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'state') ~= 'running' then
  return 0
end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 or tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'finished', 'ended_at', ARGV[2])
redis.call('DEL', KEYS[4], KEYS[6])
redis.call('XADD', KEYS[5], '*', 'kind', 'run', 'run', ARGV[1], 'data', ARGV[2])
return 1
"""


class Scripts:
    """The frontier's scripts, registered on a client (``EVALSHA``, loaded again after a Redis restart)."""

    join: Script
    push: Script
    claim: Script
    done: Script
    stream: Script
    release: Script
    pause: Script
    reap: Script
    leave: Script
    beat: Script
    counts: Script
    finish: Script

    def __init__(self, client: Redis) -> None:
        for name in self.__annotations__:
            setattr(self, name, client.register_script(globals()[name.upper()]))
