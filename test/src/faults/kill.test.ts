// SIGKILL at any instant: the station starts again, goes on air, and has every write it acknowledged.
// A real station process, killed while phones pair and send dedications (again and again), while it
// composes, while it packages a song, and while an operator's playlist file is half written.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openParts as openLibrary } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { freePort, stopAllStations, toneStation, type RunningStation, type StationFixture } from '../station-process.js';
import { dedicationRequest, kill, pair, resumePhone, startWith, waitOnAir } from './crash-station.js';
import { Peer } from '../ws-peer.js';

// Generous limits: this test is about kills, not about the per-phone and per-address budgets.
const ENV = { SONG_LIMIT_PER_PHONE: '1000', PAIR_LIMIT_PER_MINUTE: '1000' };
const fixtures: StationFixture[] = [];
let station: RunningStation | undefined;
afterAll(async () => {
  await stopAllStations(); // every restart's process, even when a test failed half-way
  for (const f of fixtures) await rm(f.dir, { recursive: true, force: true });
});

const tones = () => toneStation([
  { title: 'A', seconds: 20, frequency: 330 },
  { title: 'B', seconds: 18, frequency: 440 },
  { title: 'C', seconds: 22, frequency: 550 },
]);

const waitFor = async (what: string, test: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};

describe('SIGKILL while writing', () => {
  it('restarts on air with every acknowledged pairing and dedication, 8 kills in a row', async () => {
    const fixture = await tones();
    fixtures.push(fixture);
    const port = await freePort();
    const acknowledged: string[] = [];
    const sessions: string[] = [];
    let known: { tvId: string; tvToken: string } | undefined;
    for (let round = 0; round < 8; round++) {
      station = await startWith(fixture, port, ENV);
      await waitOnAir(station.base);
      // Everything acknowledged before the last kill is still there: the TV keeps its identity and
      // every phone paired so far resumes its session.
      const p = await pair(port, known);
      if (known) expect(p.tvId).toBe(known.tvId);
      known = { tvId: p.tvId, tvToken: p.tvToken };
      sessions.push(p.session);
      for (const session of sessions.slice(0, -1)) (await resumePhone(port, session)).close();
      // A burst of dedications; killed once a varying number of them have been acknowledged, while
      // the rest are being written.
      for (let n = 0; n < 6; n++) p.phone.send({ type: 'dedication.create', request: dedicationRequest(round * 10 + n), target: round % 2 ? 'radio' : 'tv' });
      const want = 1 + (round % 4);
      await waitFor(`${want} dedication.accepted`, () => p.phone.frames.filter((f) => f.type === 'dedication.accepted').length >= want, 30_000);
      await kill(station);
      acknowledged.push(...p.phone.frames.filter((f) => f.type === 'dedication.accepted').map((f) => String(f.id)));
      p.tv.close();
      p.phone.close();
    }
    station = await startWith(fixture, port, ENV);
    await waitOnAir(station.base);
    for (const session of sessions) (await resumePhone(port, session)).close();
    // The station's own file, read beside it (WAL lets a second process read while it writes).
    const library = openLibrary(fixture.dataDir);
    try {
      const missing: string[] = [];
      for (const id of acknowledged) if (!(await library.store.dedications.get(id))) missing.push(id);
      expect({ acknowledged: acknowledged.length, missing }).toEqual({ acknowledged: expect.any(Number), missing: [] });
      expect(acknowledged.length).toBeGreaterThanOrEqual(8);
      expect(await library.store.pairing.tv(known!.tvId, known!.tvToken)).toBeDefined();
    } finally {
      await library.close();
    }
    expect(existsSync(join(fixture.dataDir, 'library.sqlite.lock'))).toBe(false);
    await kill(station);
  }, 600_000);

  it('survives kills during a playlist write, composing and packaging; the accepted dedication is made and delivered', async () => {
    const fixture = await tones();
    fixtures.push(fixture);
    const port = await freePort();
    const playlist = join(fixture.playlistsDir, 'playlists', 'all-day.yaml');
    const good = await readFile(playlist);

    // 1. An operator's save, cut short: the file rewritten in place up to the middle of a word
    // ("type: cross"), and the station killed.
    station = await startWith(fixture, port, ENV);
    await waitOnAir(station.base);
    // (The station keeps a copy of the programme it accepted; that copy is what a restart falls back on.)
    await waitFor('the last good programme copy', async () => existsSync(join(fixture.dataDir, 'programme')) && (await readdir(join(fixture.dataDir, 'programme'))).some((d) => existsSync(join(fixture.dataDir, 'programme', d, '.complete'))), 20_000);
    const file = await open(playlist, 'w');
    await file.write(good.subarray(0, good.indexOf('crossfade') + 5));
    await kill(station);
    await file.close();

    // 2. It starts on the last good programme, naming the broken file; a dedication is accepted, and
    // the station is killed while composing it.
    station = await startWith(fixture, port, ENV);
    await waitOnAir(station.base);
    expect(station.output()).toMatch(/last good programme[\s\S]*all-day\.yaml/);
    const p = await pair(port);
    p.phone.send({ type: 'dedication.create', request: dedicationRequest(1), target: 'tv' });
    const accepted = await p.phone.next('dedication.accepted', () => true, 30_000);
    await p.phone.next('dedication.progress', (f) => f.id === accepted.id && (f.stage === 'music' || f.stage === 'voice'), 120_000);
    await kill(station);
    p.tv.close();
    p.phone.close();

    // 3. Killed again while the song's HLS segments are being written.
    const songs = join(fixture.dataDir, 'media', 'songs');
    const before = new Set(await readdir(songs));
    station = await startWith(fixture, port, ENV);
    await waitOnAir(station.base);
    const packaging = async () => {
      for (const dir of await readdir(songs)) {
        if (before.has(dir)) continue;
        const files = await readdir(join(songs, dir), { recursive: true }).catch(() => [] as string[]);
        if (files.some((f) => /seg-\d+\.ts$/.test(String(f)))) return true;
      }
      return false;
    };
    await waitFor('the new song to be packaged', packaging, 300_000);
    const phoneSeen = await resumePhone(port, p.session);
    await kill(station);
    expect(phoneSeen.frames.some((f) => f.type === 'dedication.ready')).toBe(false); // killed before it was done
    phoneSeen.close();

    // 4. Up again, on air, and the accepted dedication is made and delivered to the phone and the TV.
    station = await startWith(fixture, port, ENV);
    await waitOnAir(station.base);
    const tv = await Peer.open(`ws://127.0.0.1:${port}/ws`);
    tv.send({ type: 'tv.hello', tvId: p.tvId, token: p.tvToken });
    await tv.next('tv.welcome', () => true, 15_000);
    const phone = await resumePhone(port, p.session);
    const ready = await phone.next('dedication.ready', (f) => f.id === accepted.id, 300_000);
    await tv.next('dedication.ready', (f) => f.id === accepted.id, 10_000);
    const song = ready.song as { to: string; files: { audio: string } };
    expect(song.to).toBe('Mom');
    expect((await fetch(`${station.base}${song.files.audio}`)).status).toBe(200);
    await waitOnAir(station.base);
    tv.close();
    phone.close();
    await kill(station);
  }, 900_000);
});
