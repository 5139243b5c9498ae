// Fault: the embedded station (SQLite, one process) killed (-9) right after an operator approved a
// radio dedication, before it aired: after the restart it airs, once (the approval is in the air queue).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openParts } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { addToneSong } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import { freePort, startStation, stopAllStations, toneStation, type RunningStation, type StationFixture } from '../station-process.js';

const CHANNEL = 'radio-optimism';
let fixture: StationFixture;
let songId: string;

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 12, frequency: 330 },
    { title: 'B', seconds: 10, frequency: 440 },
    { title: 'C', seconds: 14, frequency: 550 },
  ]);
  // A radio dedication made and waiting for an operator (its song private until approved).
  const library = openParts(fixture.dataDir);
  songId = await addToneSong(library, { title: 'For Ana', seconds: 6, frequency: 660, kind: 'private' });
  await library.store.dedications.add({ id: 'd_restart', phoneId: 'ph_test', tvId: 'tv_test', target: 'radio', request: { message: 'For the long nights', to: 'Ana', genre: 'pop', vibe: 'upbeat', language: 'en' } });
  await library.store.dedications.update('d_restart', { status: 'ready', songId, moderation: 'pending' });
  await library.close();
}, 120_000);

afterAll(async () => {
  await stopAllStations();
  await rm(fixture.dir, { recursive: true, force: true });
});

const kill = async (s: RunningStation) => {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGKILL');
  await exited;
};
const onTimeline = async () => {
  const library = openParts(fixture.dataDir);
  try {
    const items = (await library.store.timeline.recent(CHANNEL, 500)) as { songId: string; kind: string }[];
    return { aired: items.filter((it) => it.songId === songId && it.kind === 'dedication').length, waiting: await library.store.dedications.waitingToAir(CHANNEL, 10) };
  } finally {
    await library.close();
  }
};

it('approved, killed before it aired, restarted: it airs, once', async () => {
  const port = await freePort();
  let station = await startStation(fixture, port);
  const token = (await readFile(join(fixture.dataDir, 'operator-token'), 'utf8')).trim();
  const approved = await fetch(`${station.base}/api/v1/moderation/d_restart/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  expect(approved.status).toBe(200);
  // Killed at once: it waits for its spoken intro (made on the composer), so it is not on air yet.
  await kill(station);
  expect(await onTimeline()).toEqual({ aired: 0, waiting: [songId] });

  station = await startStation(fixture, port);
  // On air: its item is in the live playlist a player reads (after its intro, or a minute without one).
  const deadline = Date.now() + 180_000;
  let heard = false;
  while (!heard && Date.now() < deadline) {
    const text = await (await fetch(`${station.base}/live/${CHANNEL}/128k.m3u8`)).text().catch(() => '');
    heard = text.includes(`X-SONG-ID="${songId}",X-KIND="dedication"`);
    if (!heard) await new Promise((r) => setTimeout(r, 500));
  }
  if (!heard) throw new Error(`the dedication did not air after the restart:\n${station.output().split('\n').slice(-30).join('\n')}`);
  await kill(station);
  expect(await onTimeline()).toEqual({ aired: 1, waiting: [] });

  // And a restart after it aired does not air it again.
  station = await startStation(fixture, port);
  await new Promise((r) => setTimeout(r, 8000));
  await kill(station);
  expect((await onTimeline()).aired).toBe(1);
}, 400_000);
