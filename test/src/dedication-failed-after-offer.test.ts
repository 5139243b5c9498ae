// A TV dedication whose song fails after the TV was offered it, across processes: a real station
// whose composer (a test-only hook, read only under NODE_ENV=test) fails every song right after its
// first part is packaged and offered. The TV is told at once, by the song's id, and its half-made
// folder is gone; the TV's "playing" reaches the phone; after its tries the phone and the TV are told
// it was given up; and the station stays on air throughout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer, pairTvAndPhone } from './ws-peer.js';

let fixture: StationFixture;
let station: RunningStation;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 30, frequency: 330 },
    { title: 'B', seconds: 30, frequency: 440 },
  ]);
  station = await startStation(fixture, await freePort(), { NODE_ENV: 'test', COMPOSER_TEST_FAIL_AFTER_FIRST_PART: '1' });
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

const request = { message: 'Thank you for everything you do', to: 'Mom', from: 'Alex', relation: 'family', genre: 'pop', vibe: 'heartfelt', language: 'en' };

/** The live channel still answers with a playlist whose newest segment can be fetched. */
async function onAir(): Promise<void> {
  const base = `${station.base}/live/radio-optimism/`;
  const master = await (await fetch(`${base}index.m3u8`)).text();
  const media = master.split('\n').find((l) => l.trim() && !l.startsWith('#'))!;
  const playlist = await (await fetch(new URL(media, base))).text();
  const segment = playlist.split('\n').filter((l) => l.trim() && !l.startsWith('#')).pop()!;
  const res = await fetch(new URL(segment, new URL(media, base)));
  expect(res.status).toBe(200);
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
}

describe('a TV dedication that fails after it was offered', () => {
  it('tells the TV at once and removes the half-made song; the phone hears it played, then that it failed', async () => {
    const url = `ws://127.0.0.1:${station.port}/ws`;
    const { tv, phone } = await pairTvAndPhone(url, 'Alex');
    phone.send({ type: 'dedication.create', request, target: 'tv' });
    const id = (await phone.next('dedication.accepted')).id as string;

    const playable = await tv.next('dedication.playable', (f) => f.id === id, 300_000);
    const song = playable.song as { id: string; stream: string };
    // The TV starts it: the phone that sent it hears so.
    tv.send({ type: 'tv.playing', id });
    await phone.next('dedication.playing', (f) => f.id === id, 15_000);

    const failed = await tv.next('dedication.failed', (f) => f.id === id && f.songId === song.id, 120_000);
    expect(failed).toMatchObject({ code: 'composition-failed' });
    expect(typeof failed.message).toBe('string');
    // The half-written song is gone: its folder, and its playlist with it.
    const folder = join(fixture.dataDir, 'media', 'songs', song.id);
    for (let i = 0; i < 100 && existsSync(folder); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(folder)).toBe(false);
    expect((await fetch(`${station.base}${song.stream}`)).status).toBe(404);
    await onAir();

    // Every try fails the same way: once they are spent, the phone's card and the TV are told.
    const given = await phone.next('dedication.failed', (f) => f.id === id, 480_000);
    expect(given).toMatchObject({ code: 'composition-failed' });
    await tv.next('dedication.failed', (f) => f.id === id && f.songId === undefined, 10_000);
    // Each try the TV was offered was withdrawn; none was left half-made on disk.
    const offered = tv.frames.filter((f) => f.type === 'dedication.playable' && f.id === id).map((f) => (f.song as { id: string }).id);
    const withdrawn = tv.frames.filter((f) => f.type === 'dedication.failed' && f.songId).map((f) => f.songId);
    expect(withdrawn).toEqual(offered);
    for (const s of offered) expect(existsSync(join(fixture.dataDir, 'media', 'songs', s))).toBe(false);
    expect(tv.frames.some((f) => f.type === 'dedication.ready')).toBe(false);
    await onAir();
    expect(station.child.exitCode).toBeNull();
    tv.close();
    phone.close();
  }, 600_000);
});
