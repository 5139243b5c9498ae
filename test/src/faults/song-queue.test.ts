// Floods on the song route against a real station process: without the operator token every request
// is refused (401, then 429 for the address that keeps guessing); with it, the hourly budget and the
// queue bound hold (202, then 503 "busy", then 429); no folder is made for a song that only waits. A
// phone's dedication still goes next; turned down, it is gone (410). Killed mid-compose, the station
// comes back on air and removes the half-made folder. The station stays on air throughout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, toneStation, type RunningStation, type StationFixture } from '../station-process.js';
import { Peer } from '../ws-peer.js';
import { assertOnAir, postFrom, startStationWith } from './song-queue-station.js';

const TOKEN = 'faultTest_0123456789abcdefXYZ';
const SETTINGS = { OPERATOR_TOKEN: TOKEN, COMPOSE_CONCURRENCY: '1', SONG_QUEUE_LIMIT: '4', API_SONG_LIMIT_PER_HOUR: '8' };
const body = JSON.stringify({ message: 'A song for the flood', to: 'Sam', genre: 'lofi', vibe: 'calm', language: 'en' });

let fixture: StationFixture;
let station: RunningStation;
let port: number;
let toneIds: string[];
const mediaDir = () => join(fixture.dataDir, 'media', 'songs');

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 30, frequency: 330 },
    { title: 'B', seconds: 30, frequency: 440 },
  ]);
  toneIds = await readdir(mediaDir());
  port = await freePort();
  station = await startStationWith(fixture, port, SETTINGS);
}, 60_000);
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

describe('fault: a flood on POST /api/v1/songs', () => {
  it('refuses every request without the operator token or a session: 401, and 429 for an address guessing tokens', async () => {
    const url = `${station.base}/api/v1/songs`;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => postFrom('127.0.0.2', url, body, i % 2 ? { authorization: `Bearer guess-${i}` } : {})));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // No credentials at all: told to sign in, every time (nothing is guessed, nothing is made).
    const bare = results.filter((_, i) => i % 2 === 0);
    expect(bare.every((r) => r.status === 401 && JSON.parse(r.body).error.code === 'sign-in')).toBe(true);
    // Wrong tokens: 20 are checked, then the address must wait before its next guess is even looked at.
    const guesses = results.filter((_, i) => i % 2 === 1);
    expect(guesses.filter((r) => r.status === 401)).toHaveLength(20);
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(10);
    expect(JSON.parse(guesses.find((r) => r.status === 401)!.body)).toMatchObject({ error: { code: 'operator-only' } });
    expect(JSON.parse(guesses.find((r) => r.status === 429)!.body)).toMatchObject({ error: { code: 'rate-limited' } });
    // Another client is not punished for that address's guesses.
    expect((await postFrom('127.0.0.3', url, '{}', { authorization: `Bearer ${TOKEN}` })).status).toBe(400);
    expect((await readdir(mediaDir())).sort()).toEqual([...toneIds].sort());
    await assertOnAir(station.base);
  }, 60_000);

  it('holds the operator to the queue bound and the hourly budget, and makes no folder for a waiting song', async () => {
    const url = `${station.base}/api/v1/songs`;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await postFrom('127.0.0.1', url, body, { authorization: `Bearer ${TOKEN}` })).status);
    // One composing and four waiting fill the queue; three more are refused as busy; then the budget of 8 is spent.
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5, 8)).toEqual([503, 503, 503]);
    expect(statuses.slice(8).every((s) => s === 429)).toBe(true);
    const folders = await readdir(mediaDir());
    expect(folders.length).toBe(toneIds.length + 1); // only the song being composed has one
    await assertOnAir(station.base);
  }, 60_000);

  it("still takes a phone's dedication next (position 1); turned down, its page and files are gone (410)", async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    const tv = await Peer.open(url);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    const phone = await Peer.open(url);
    phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
    await phone.next('phone.paired');
    phone.send({ type: 'dedication.create', request: { message: 'Happy birthday, you are the best!', to: 'Kim', genre: 'pop', vibe: 'upbeat', language: 'en' }, target: 'radio' });
    const accepted = await phone.next('dedication.accepted', () => true, 10_000);
    expect(accepted.position).toBe(1);
    const ready = await phone.next('dedication.ready', (f) => f.id === accepted.id, 500_000);
    await assertOnAir(station.base);
    const songId = (ready.song as { id: string }).id;
    expect((await fetch(`${station.base}/s/${songId}`)).status).toBe(200);
    expect((await fetch(`${station.base}/media/songs/${songId}/cover.jpg`)).status).toBe(200);
    const rejected = await fetch(`${station.base}/api/v1/moderation/${accepted.id}/reject`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(rejected.status).toBe(200);
    expect((await fetch(`${station.base}/s/${songId}`)).status).toBe(410);
    for (const file of ['cover.jpg', 'song.m4a', 'lyrics.vtt', 'cover-small.jpg']) expect((await fetch(`${station.base}/media/songs/${songId}/${file}`)).status).toBe(410);
    expect((await readdir(mediaDir())).includes(songId)).toBe(false);
    tv.close();
    phone.close();
  }, 600_000);

  it('killed mid-compose, comes back on air, removes the half-made folder and makes every accepted song again under its id', async () => {
    // The operator's queued songs are composing one by one; kill the station in the middle of one.
    const composing = async () => (await readdir(mediaDir())).filter((f) => !toneIds.includes(f));
    const deadline = Date.now() + 60_000;
    while ((await composing()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const halfMade = await composing();
    expect(halfMade.length).toBeGreaterThan(0);
    station.child.kill('SIGKILL');
    await new Promise((r) => station.child.once('exit', r));
    station = await startStationWith(fixture, port, SETTINGS);
    await assertOnAir(station.base);
    expect(station.output()).toMatch(/removed \d+ unfinished song folders/);
    // Every song the API answered 202 for is made again: finished ones stay, the rest are queued or composing.
    expect(station.output()).toMatch(/making \d+ accepted songs? not made yet/);
    for (const id of halfMade) {
      const res = await fetch(`${station.base}/api/v1/songs/${id}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status?: string; title?: string };
      expect(body.title !== undefined || ['queued', 'composing'].includes(body.status ?? '')).toBe(true);
    }
  }, 120_000);
});
