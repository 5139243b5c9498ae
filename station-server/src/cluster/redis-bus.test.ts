// Two bus instances on a real redis-server, as two station instances would be.
import { Redis } from 'ioredis';
import { startRedis, type RedisTestServer } from '../testing/redis-server.js';
import type { BusMessages, BusProblem } from './bus.js';
import { RedisBus } from './redis-bus.js';

let redis: RedisTestServer;
const buses: RedisBus[] = [];

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
  await Promise.all(buses.map((b) => b.close()));
  await redis?.stop();
});

async function bus(): Promise<RedisBus> {
  const b = new RedisBus({ url: redis.url });
  buses.push(b);
  await b.ready(30_000);
  return b;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000, stepMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

const now = (n: number): BusMessages['now-playing'] => ({ channel: 'love-songs', title: `song ${n}`, startedAt: n });

describe('redis bus', () => {
  test('two instances deliver to each other, and each to itself once', async () => {
    const a = await bus();
    const b = await bus();
    const atA: string[] = [];
    const atB: string[] = [];
    a.subscribe('now-playing', (m) => atA.push(m.title));
    b.subscribe('now-playing', (m) => atB.push(m.title));
    expect(await a.publish('now-playing', now(1))).toEqual({ ok: true });
    expect(await b.publish('now-playing', now(2))).toEqual({ ok: true });
    await until(() => atA.length === 2 && atB.length === 2);
    expect(atA.sort()).toEqual(['song 1', 'song 2']);
    expect(atB.sort()).toEqual(['song 1', 'song 2']);
    // Nothing more arrives: no echo of an instance's own message.
    await new Promise((r) => setTimeout(r, 300));
    expect(atA).toHaveLength(2);
    expect(atB).toHaveLength(2);
  });

  test('a pairing frame for a TV crosses instances', async () => {
    const a = await bus();
    const b = await bus();
    const frames: BusMessages['pairing'][] = [];
    b.subscribe('pairing', (m) => frames.push(m));
    const message: BusMessages['pairing'] = { to: { kind: 'tv', id: 'tv_9' }, frame: { type: 'tv.phones', phones: [{ id: 'p1', name: 'Mina', pairedAt: '2026-11-30T00:00:00Z' }] } };
    await a.publish('pairing', message);
    await until(() => frames.length === 1);
    expect(frames[0]).toEqual(message);
  });

  test('a bad or oversized message sent straight to Redis is dropped and reported; the next good one arrives', async () => {
    const b = await bus();
    const problems: BusProblem[] = [];
    b.onProblem((p) => problems.push(p));
    const got: string[] = [];
    b.subscribe('now-playing', (m) => got.push(m.title));
    const client = raw();
    await client.publish('radio:bus:now-playing', JSON.stringify({ from: 'x', message: { channel: 'BAD CHANNEL', title: 't', startedAt: 1 } }));
    await client.publish('radio:bus:now-playing', 'x'.repeat(64 * 1024));
    await client.publish('radio:bus:now-playing', JSON.stringify({ from: 'x', message: now(3) }));
    await until(() => got.length === 1);
    expect(got).toEqual(['song 3']);
    expect(problems.map((p) => (p.code === 'dropped' ? p.reason.code : p.code))).toEqual(['bad-message', 'too-large']);
  });

  test('after a Redis restart delivery resumes; what is sent while it is down is reported, not thrown', async () => {
    const a = await bus();
    const b = await bus();
    const problemsA: BusProblem[] = [];
    const problemsB: BusProblem[] = [];
    a.onProblem((p) => problemsA.push(p));
    b.onProblem((p) => problemsB.push(p));
    const atA: string[] = [];
    const atB: string[] = [];
    a.subscribe('now-playing', (m) => atA.push(m.title));
    b.subscribe('now-playing', (m) => atB.push(m.title));

    await redis.kill();
    await until(() => problemsA.some((p) => p.code === 'disconnected'));
    const whileDown = await a.publish('now-playing', now(10));
    expect(whileDown).toMatchObject({ ok: false, localOnly: true, error: { code: 'bus-unavailable' } });
    if (!whileDown.ok) expect(whileDown.error.message).not.toContain('\n');
    expect(problemsA.some((p) => p.code === 'publish-failed')).toBe(true);
    // This instance's own subscribers still got it.
    await until(() => atA.includes('song 10'));

    await redis.restart();
    await until(() => problemsB.some((p) => p.code === 'reconnected'));
    // Resubscription may trail the reconnection by a moment: send until one arrives, then once more.
    let n = 100;
    await until(async () => {
      await a.publish('now-playing', now(++n));
      return atB.length > 0;
    }, 60_000, 250);
    expect(await a.publish('now-playing', now(999))).toEqual({ ok: true });
    await until(() => atB.includes('song 999'));
    // Each arrived once; what was sent while Redis was away is not replayed (pub/sub keeps nothing).
    expect(new Set(atB).size).toBe(atB.length);
    expect(atB).not.toContain('song 10');
  });

  test('an unreachable Redis gives a one-line error from ready(), not a stack', async () => {
    const dead = new RedisBus({ url: 'redis://:secret@127.0.0.1:1' });
    buses.push(dead);
    const error = await dead.ready(1_000).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RedisBusError', code: 'bus-unavailable' });
    expect((error as Error).message).not.toContain('secret');
    expect(await dead.publish('now-playing', now(1))).toMatchObject({ ok: false, localOnly: true });
    await dead.close();
  });
});
