// Two station instances in their own processes on one PostgreSQL, one Redis and one media folder: a
// player polls the follower while the leader is killed (-9), then while Redis and PostgreSQL restart.
// The channel goes on with its media sequence continuing, never going back and never skipping.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgresStore } from '@radio-optimism/station-server/dist/library/postgres/postgres-store.js';
import { createLocalMediaStore } from '@radio-optimism/station-server/dist/media/local-media.js';
import { addToneSong } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import { playerCheck } from '@radio-optimism/station-server/dist/testing/air-songs.js';
import { startPostgres, type PostgresServer } from './services/postgres.js';
import { startRedis, type RedisTestServer } from './services/redis.js';
import { clusterInstances, currentIndex as indexOn, leads as leadsChannel, until, type Instance } from './cluster-instances.js';
import { ROOT } from './run.js';

const CHANNEL = 'radio-optimism';

let dir: string;
let pg: PostgresServer;
let redis: RedisTestServer;

const instances = clusterInstances(() => ({ dir, pg, redis }));
const startInstance = instances.start;
const leads = (i: Instance) => leadsChannel(i, CHANNEL);
const currentIndex = (i: Instance) => indexOn(i, CHANNEL);

/** A player polling one instance's live playlist twice a second; it records the longest wait for a new segment. */
function poller(i: Instance) {
  const check = playerCheck();
  let lastNew = Date.now();
  let newest = -1;
  let longestStallMs = 0;
  let failures = 0;
  const timer = setInterval(() => {
    fetch(`${i.base}/live/${CHANNEL}/128k.m3u8`)
      .then(async (res) => {
        if (!res.ok) return void failures++;
        check.see(await res.text(), 'follower');
        const at = Date.now();
        if (check.newest() > newest) {
          if (newest >= 0) longestStallMs = Math.max(longestStallMs, at - lastNew);
          newest = check.newest();
          lastNew = at;
        }
      })
      .catch(() => failures++);
  }, 500);
  return { check, stop: () => clearInterval(timer), stall: () => longestStallMs, resetStall: () => (longestStallMs = 0), failures: () => failures };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cluster-failover-'));
  await cp(resolve(ROOT, 'playlists'), join(dir, 'playlists'), { recursive: true });
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const store = await openPostgresStore(pg.url, { log: () => undefined });
  const media = createLocalMediaStore(join(dir, 'shared'));
  for (let i = 0; i < 4; i++) await addToneSong({ store, media }, { title: `Tone ${i}`, seconds: 16, frequency: 300 + 90 * i });
  await store.close();
}, 240_000);

afterAll(async () => {
  await instances.killAll();
  await Promise.all([pg?.stop(), redis?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

test('the leader killed, Redis restarted, PostgreSQL restarted: the follower keeps the channel on air with its sequence continuing', async () => {
  const a = await startInstance('a');
  await until(() => leads(a), 60_000, 'instance a to lead');
  const b = await startInstance('b');
  await until(async () => (await currentIndex(b)) >= 0, 60_000, 'instance b to follow the channel');
  expect(leads(b)).toBe(false);
  const player = poller(b);
  try {
    await until(() => player.check.newest() >= 0, 30_000, 'segments on b');
    await new Promise((r) => setTimeout(r, 4000));

    // 1. kill -9 the leader: b takes the lease and schedules after the last stored item.
    const indexAtKill = await currentIndex(b);
    const killed = Date.now();
    a.child.kill('SIGKILL');
    await until(() => leads(b), 30_000, 'instance b to lead');
    const takeoverMs = Date.now() - killed;
    // a stored at most the song after the one on air (two items with a crossfade): later ones are b's.
    await until(async () => (await currentIndex(b)) >= indexAtKill + 4, 180_000, 'an item b scheduled');
    const stallAfterKill = player.stall();
    console.log(`cluster: b led ${takeoverMs} ms after a was killed; the longest wait for a new segment was ${stallAfterKill} ms`);
    expect(takeoverMs).toBeLessThan(10_000);
    expect(player.check.problems).toEqual([]);

    // 2. Redis restarts (its data lost): b keeps or wins back the lease, and goes on.
    player.resetStall();
    const pidBefore = redis.pid();
    await redis.restart();
    expect(redis.pid()).not.toBe(pidBefore);
    await until(() => leads(b), 60_000, 'b to lead after Redis restarted').catch((e: Error) => {
      throw new Error(`${e.message}; b said:\n${b.output().split('\n').slice(-40).join('\n')}`);
    });
    const indexAfterRedis = await currentIndex(b);
    await until(async () => (await currentIndex(b)) >= indexAfterRedis + 4, 180_000, 'new items after Redis restarted');
    console.log(`cluster: across a Redis restart the longest wait for a new segment was ${player.stall()} ms`);
    expect(player.check.problems).toEqual([]);

    // 3. PostgreSQL restarts: timeline writes fail while it is down, and resume.
    player.resetStall();
    const indexBeforePg = await currentIndex(b);
    await pg.restart();
    await until(async () => (await currentIndex(b).catch(() => -1)) >= indexBeforePg + 4, 180_000, 'new items after PostgreSQL restarted');
    console.log(`cluster: across a PostgreSQL restart the longest wait for a new segment was ${player.stall()} ms`);
    expect(player.check.problems).toEqual([]);
    // And the player heard on: eight more segments (16 s of audio) after the last restart.
    const heard = player.check.newest();
    await until(() => player.check.newest() >= heard + 8, 120_000, 'more segments after the restarts');
    expect(player.check.problems).toEqual([]);
  } finally {
    player.stop();
  }
}, 600_000);
