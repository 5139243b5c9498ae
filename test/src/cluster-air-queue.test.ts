// A radio dedication approved on a follower while the leader lies dead (kill -9, its lease not yet
// taken) is not lost: the approval is stored in the channel's air queue, and the instance that takes
// the lease airs it, once. Two station processes on one PostgreSQL, one Redis and one media folder.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgresStore } from '@radio-optimism/station-server/dist/library/postgres/postgres-store.js';
import { createLocalMediaStore } from '@radio-optimism/station-server/dist/media/local-media.js';
import { addToneSong } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import { startPostgres, type PostgresServer } from './services/postgres.js';
import { startRedis, type RedisTestServer } from './services/redis.js';
import { clusterInstances, currentIndex as indexOn, leads as leadsChannel, until, type Instance } from './cluster-instances.js';
import { ROOT } from './run.js';

const CHANNEL = 'radio-optimism';
let dir: string;
let pg: PostgresServer;
let redis: RedisTestServer;
let songId: string;

const instances = clusterInstances(() => ({ dir, pg, redis }));
const startInstance = instances.start;
const leads = (i: Instance) => leadsChannel(i, CHANNEL);
const currentIndex = (i: Instance) => indexOn(i, CHANNEL);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cluster-air-queue-'));
  await cp(resolve(ROOT, 'playlists'), join(dir, 'playlists'), { recursive: true });
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const store = await openPostgresStore(pg.url, { log: () => undefined });
  const media = createLocalMediaStore(join(dir, 'shared'));
  for (let i = 0; i < 3; i++) await addToneSong({ store, media }, { title: `Tone ${i}`, seconds: 10, frequency: 300 + 90 * i });
  // A radio dedication made and waiting for an operator: its song private until approved.
  songId = await addToneSong({ store, media }, { title: 'For Ana', seconds: 6, frequency: 660, kind: 'private' });
  await store.dedications.add({ id: 'd_failover', phoneId: 'ph_test', tvId: 'tv_test', target: 'radio', request: { message: 'For the long nights', to: 'Ana', genre: 'pop', vibe: 'upbeat', language: 'en' } });
  await store.dedications.update('d_failover', { status: 'ready', songId, moderation: 'pending' });
  await store.close();
}, 240_000);

afterAll(async () => {
  await instances.killAll();
  await Promise.all([pg?.stop(), redis?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

test('approved on a follower while the leader is dead: the next leader airs it, once', async () => {
  const a = await startInstance('a');
  await until(() => leads(a), 60_000, 'instance a to lead');
  const b = await startInstance('b');
  await until(async () => (await currentIndex(b)) >= 0, 60_000, 'instance b to follow the channel');
  expect(leads(b)).toBe(false);
  const token = (await readFile(join(b.dataDir, 'operator-token'), 'utf8')).trim();

  a.child.kill('SIGKILL');
  const approved = await fetch(`${b.base}/api/v1/moderation/d_failover/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  expect(approved.status).toBe(200);
  // Approved while no instance led the channel (a is dead, b has not taken its lease yet).
  const ledAtApproval = leads(b);
  await until(() => leads(b), 30_000, 'instance b to lead');

  const store = await openPostgresStore(pg.url, { log: () => undefined });
  try {
    type Item = { songId: string; kind: string; index: number };
    const timeline = async () => (await store.timeline.recent(CHANNEL, 200)) as Item[];
    // It waits for its spoken intro (made on b's own composer) at most a minute, then airs.
    await until(async () => (await timeline()).some((it) => it.songId === songId && it.kind === 'dedication'), 180_000, 'the dedication on the timeline').catch((e: Error) => {
      throw new Error(`${e.message}; b said:\n${b.output().split('\n').slice(-40).join('\n')}`);
    });
    const aired = (await timeline()).find((it) => it.songId === songId && it.kind === 'dedication')!;
    // Two more items after it, then the whole stored timeline has it once.
    await until(async () => (await timeline()).some((it) => it.index >= aired.index + 2), 120_000, 'items after the dedication');
    expect((await timeline()).filter((it) => it.songId === songId && it.kind === 'dedication')).toHaveLength(1);
    expect(await store.dedications.waitingToAir(CHANNEL, 10)).toEqual([]);
    expect(await store.dedications.markAired(CHANNEL, songId, Date.now())).toBe(false);
    console.log(`cluster: approved on b while ${ledAtApproval ? 'b already led (the lease was taken first)' : 'no instance led'}; b aired it as item ${aired.index}`);
    expect(ledAtApproval).toBe(false);
  } finally {
    await store.close();
  }
}, 600_000);
