// The lease's atomic steps, as Lua run inside Redis, so no check and its write can be split by
// another instance's command. A lease's value is its holder's id; a holder that must wait before
// leading (see redis-lease.ts) stores `settling:<id>`, which a live leader may take back.

/**
 * Acquire. KEYS: lease, released-marker. ARGV: holder, ttl ms, 1 when a win now would be explained.
 * {1, handedOver}: won, and may lead at once; {3, 0}: won, but must settle first;
 * {2, 0}: it was already ours (an earlier reply was lost), now marked settling; {0, pttl}: held by another.
 */
export const ACQUIRE = `
local settling = 'settling:' .. ARGV[1]
local current = redis.call('GET', KEYS[1])
if not current then
  local handed = redis.call('DEL', KEYS[2])
  if handed == 1 or ARGV[3] == '1' then
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
    return {1, handed}
  end
  redis.call('SET', KEYS[1], settling, 'PX', ARGV[2])
  return {3, 0}
end
if current == ARGV[1] or current == settling then
  redis.call('SET', KEYS[1], settling, 'PX', ARGV[2])
  return {2, 0}
end
return {0, redis.call('PTTL', KEYS[1])}
`;

/**
 * Renew: compare-and-pexpire. KEYS: lease. ARGV: this holder's value, ttl ms, 1 when leading.
 * 1 renewed; 2 it was gone (Redis lost it) and is ours again; 3 a leader took it back from a settler;
 * 0 another holds it. Putting a vanished lease back is safe: whoever took it meanwhile is only settling.
 */
export const RENEW = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 2
end
if ARGV[3] == '1' and string.sub(current, 1, 9) == 'settling:' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 3
end
return 0
`;

/** Promote a settled holder to leader. KEYS: lease. ARGV: holder, ttl ms. 1 promoted; 0 no longer ours. */
export const PROMOTE = `
if redis.call('GET', KEYS[1]) == 'settling:' .. ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;

/**
 * Release: compare-and-del. KEYS: lease, released-marker. ARGV: holder, ttl ms. A leader's release
 * leaves a marker that tells the next holder it was handed over, so that one may lead at once.
 * 1 released; 0 it was not ours.
 */
export const RELEASE = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
  return 1
end
if current == 'settling:' .. ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;
