// Playout leases between contenders on a real redis-server, as between station instances.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { startRedis, type RedisTestServer } from '../testing/redis-server.js';
import type { LeaseChange } from './lease.js';
import { RedisLease, type RedisLeaseOptions } from './redis-lease.js';

let redis: RedisTestServer;
const leases: RedisLease[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
// Plain clients a test opens, closed even when it fails, so a failure never keeps Jest from exiting.
const clients: Redis[] = [];
function raw(): Redis {
  const client = new Redis(redis.url);
  clients.push(client);
  return client;
}

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const lease of leases) lease.destroy();
  await redis?.stop();
});

function contender(options: Partial<RedisLeaseOptions> = {}): RedisLease {
  const lease = new RedisLease({ url: redis.url, ...options });
  leases.push(lease);
  return lease;
}

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Leadership intervals of several contenders on one clock, to check they never overlap. */
function timeline(leases: Record<string, RedisLease>, channel: string) {
  const spans: { who: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const changes: (LeaseChange & { who: string })[] = [];
  for (const [who, lease] of Object.entries(leases)) {
    if (lease.isLeader(channel)) open.set(who, performance.now());
    lease.onChange((c) => {
      if (c.channel !== channel) return;
      changes.push({ ...c, who });
      if (c.leader) open.set(who, performance.now());
      else {
        spans.push({ who, from: open.get(who)!, to: performance.now() });
        open.delete(who);
      }
    });
  }
  return {
    changes,
    /** Pairs of different contenders whose leadership overlapped (spans still open count up to now). */
    overlaps() {
      const all = [...spans, ...[...open].map(([who, from]) => ({ who, from, to: performance.now() }))];
      const bad: string[] = [];
      for (const a of all) for (const b of all) if (a.who < b.who && a.from < b.to && b.from < a.to) bad.push(`${a.who} ${a.from.toFixed(0)}-${a.to.toFixed(0)} and ${b.who} ${b.from.toFixed(0)}-${b.to.toFixed(0)}`);
      return bad;
    },
  };
}

describe('redis lease', () => {
  test('of two contenders one wins, and the lease names it', async () => {
    const a = contender({ ttlMs: 1_500, renewMs: 300, settleOnFirstWin: false });
    const b = contender({ ttlMs: 1_500, renewMs: 300, settleOnFirstWin: false });
    const [wonA, wonB] = await Promise.all([a.acquire('one'), b.acquire('one')]);
    expect([wonA, wonB].filter(Boolean)).toHaveLength(1);
    const winner = wonA ? a : b;
    const loser = wonA ? b : a;
    const client = raw();
    expect(await client.get('radio:lease:one')).toBe(winner.holder);
    // Renewals keep it: after several ttls the same one leads.
    await new Promise((r) => setTimeout(r, 3_500));
    expect(winner.isLeader('one')).toBe(true);
    expect(loser.isLeader('one')).toBe(false);
    expect(await client.get('radio:lease:one')).toBe(winner.holder);
    await a.close();
    await b.close();
  }, 60_000);

  test('a winner never seen before waits a ttl before leading (Redis may have lost a live leader)', async () => {
    const a = contender({ ttlMs: 1_500, renewMs: 300 });
    const changes: LeaseChange[] = [];
    a.onChange((c) => changes.push(c));
    const started = performance.now();
    expect(await a.acquire('settle')).toBe(false);
    await until(() => a.isLeader('settle'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_500 - 50);
    expect(changes).toEqual([{ channel: 'settle', leader: true, reason: 'settled' }]);
    await a.close();
  }, 60_000);

  test('a dead leader (no release) is replaced within ttl + renew, and not before its lease ran out', async () => {
    // The defaults: ttl 6 s, renewals every 2 s.
    const a = contender({ settleOnFirstWin: false });
    const b = contender({ settleOnFirstWin: false });
    expect(await a.acquire('dead')).toBe(true);
    expect(await b.acquire('dead')).toBe(false);
    const client = raw();
    await new Promise((r) => setTimeout(r, 2_500));
    const leftMs = await client.pttl('radio:lease:dead');
    const killed = performance.now();
    a.destroy();
    await until(() => b.isLeader('dead'), 30_000);
    const tookMs = performance.now() - killed;
    console.log(`takeover after the leader died: ${tookMs.toFixed(0)} ms (lease had ${leftMs} ms left)`);
    expect(tookMs).toBeGreaterThanOrEqual(leftMs - 50);
    // ttl + renew is 8 s by design; the slack is for a loaded machine, the requirement is 10 s.
    expect(tookMs).toBeLessThan(10_000);
    await b.close();
  }, 60_000);

  test('release hands over at once, long before the ttl', async () => {
    const a = contender({ ttlMs: 60_000, renewMs: 200, settleOnFirstWin: false });
    const b = contender({ ttlMs: 60_000, renewMs: 200, settleOnFirstWin: false });
    expect(await a.acquire('handover')).toBe(true);
    expect(await b.acquire('handover')).toBe(false);
    const changes: LeaseChange[] = [];
    b.onChange((c) => changes.push(c));
    const released = Date.now();
    await a.release('handover');
    expect(a.isLeader('handover')).toBe(false);
    // Far under the 60 s ttl: only the release can explain it.
    await until(() => b.isLeader('handover'), 30_000);
    expect(Date.now() - released).toBeLessThan(30_000);
    expect(changes).toEqual([{ channel: 'handover', leader: true, reason: 'handed-over' }]);
    await b.close();
  }, 60_000);

  async function restartScenario(channel: string, options: Partial<RedisLeaseOptions>, downMs: number) {
    const a = contender({ ...options, settleOnFirstWin: false });
    const b = contender({ ...options, settleOnFirstWin: false });
    const c = contender({ ...options, settleOnFirstWin: false });
    expect(await a.acquire(channel)).toBe(true);
    await b.acquire(channel);
    await c.acquire(channel);
    const line = timeline({ a, b, c }, channel);
    await new Promise((r) => setTimeout(r, 700));
    await redis.kill();
    await new Promise((r) => setTimeout(r, downMs));
    await redis.restart();
    // Someone leads again, and stays alone for a few renewals.
    await until(() => [a, b, c].some((l) => l.isLeader(channel)), 30_000);
    await new Promise((r) => setTimeout(r, 3 * (options.renewMs ?? 2_000) + 500));
    const leaders = [a, b, c].filter((l) => l.isLeader(channel));
    console.log(`after ${downMs} ms down: ${line.changes.map((ch) => `${ch.who} ${ch.leader ? 'leads' : 'stops'} (${ch.reason})`).join(', ') || 'the leader kept its lease'}`);
    const changes = [...line.changes];
    const overlaps = line.overlaps();
    for (const l of [a, b, c]) await l.close();
    return { a, leaders, changes, overlaps };
  }

  test('a Redis restart (data lost) within the ttl: the leader keeps its lease, nobody else leads meanwhile', async () => {
    const { a, leaders, changes } = await restartScenario('restart-short', {}, 300);
    expect(leaders).toEqual([a]);
    expect(changes).toEqual([]);
  }, 90_000);

  test('a Redis outage longer than the ttl: the leader steps down, then one leads again, never two at once', async () => {
    const { leaders, changes, overlaps } = await restartScenario('restart-long', { ttlMs: 1_500, renewMs: 300 }, 2_500);
    expect(leaders).toHaveLength(1);
    expect(changes[0]).toEqual({ channel: 'restart-long', leader: false, reason: 'expired', who: 'a' });
    expect(overlaps).toEqual([]);
  }, 90_000);

  test('a settling winner gives the lease back to a live leader that renews', async () => {
    const a = contender({ ttlMs: 3_000, renewMs: 1_000, settleOnFirstWin: false });
    const b = contender({ ttlMs: 3_000, renewMs: 1_000 });
    expect(await a.acquire('reclaim')).toBe(true);
    // As if Redis lost the key and b, never having seen it held, won it: b settles.
    const client = raw();
    await client.del('radio:lease:reclaim');
    expect(await b.acquire('reclaim')).toBe(false);
    expect(await client.get('radio:lease:reclaim')).toBe(`settling:${b.holder}`);
    expect(await a.renew('reclaim')).toBe(true);
    expect(await client.get('radio:lease:reclaim')).toBe(a.holder);
    // b's next renewal finds it taken back and never leads.
    await b.renew('reclaim');
    await new Promise((r) => setTimeout(r, 4_000));
    expect(b.isLeader('reclaim')).toBe(false);
    expect(a.isLeader('reclaim')).toBe(true);
    await a.close();
    await b.close();
  }, 60_000);

  test('settings that cannot hold a lease are refused', () => {
    expect(() => new RedisLease({ url: redis.url, ttlMs: 1_000, renewMs: 600 })).toThrow(/renewMs/);
    expect(() => new RedisLease({ url: redis.url, ttlMs: 50 })).toThrow(/ttl/);
  });
});
