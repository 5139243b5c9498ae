// "Sooner" across processes: a real station makes a dedication's song a part at a time. Its TV is
// offered the song's growing playlist (dedication.playable) before the song is whole; the playlist is
// an EVENT playlist served uncached with a first segment to play; when dedication.ready comes, the
// same playlist is complete (VOD, ENDLIST) and the song's other files are there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer, pairTvAndPhone } from './ws-peer.js';

let fixture: StationFixture;
let station: RunningStation;
let port: number;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 30, frequency: 330 },
    { title: 'B', seconds: 30, frequency: 440 },
  ]);
  port = await freePort();
  station = await startStation(fixture, port);
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

const request = { message: 'Thank you for everything you do', to: 'Mom', from: 'Alex', relation: 'family', genre: 'pop', vibe: 'heartfelt', language: 'en' };
const segmentsOf = (playlist: string) => playlist.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

describe('a dedication heard sooner', () => {
  it('offers the TV its growing playlist before the song is whole, then completes the same playlist', async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    const { tv, phone } = await pairTvAndPhone(url, 'Alex');
    phone.send({ type: 'dedication.create', request, target: 'tv' });
    const id = (await phone.next('dedication.accepted')).id;

    const playable = await tv.next('dedication.playable', (f) => f.id === id, 240_000);
    const offered = playable.song as { id: string; title: string; to: string; from: string; durationSec: number; stream: string };
    expect(offered).toMatchObject({ to: 'Mom', from: 'Alex' });
    expect(offered.durationSec).toBeGreaterThan(45);
    // Offered before the song is whole: the TV has not been told it is ready.
    expect(tv.frames.some((f) => f.type === 'dedication.ready' && f.id === id)).toBe(false);
    const growing = await fetch(`${station.base}${offered.stream}`);
    expect(growing.status).toBe(200);
    const text = await growing.text();
    // Unless the rest was made in the moment between the offer and this request, the playlist still grows.
    if (!text.includes('#EXT-X-ENDLIST')) {
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
      expect(growing.headers.get('cache-control')).toBe('no-cache');
    }
    const first = segmentsOf(text)[0];
    expect(first).toBeDefined();
    const segment = await fetch(new URL(first!, `${station.base}${offered.stream}`));
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const ready = await tv.next('dedication.ready', (f) => f.id === id, 240_000);
    const song = ready.song as { id: string; title: string; durationSec: number; files: { audio: string } };
    expect(song.id).toBe(offered.id);
    expect(song.title).toBe(offered.title);
    const complete = await (await fetch(`${station.base}${offered.stream}`)).text();
    expect(complete).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(complete).toContain('#EXT-X-ENDLIST');
    // The segments listed when it was first offered are the same files at the start of the whole song.
    expect(segmentsOf(complete).slice(0, segmentsOf(text).length)).toEqual(segmentsOf(text));
    expect(segmentsOf(complete).length * 2).toBeGreaterThanOrEqual(Math.floor(song.durationSec) - 2);
    expect((await fetch(`${station.base}${song.files.audio}`)).status).toBe(200);
    tv.close();
    phone.close();
  }, 600_000);
});
