// A dedication from a phone, through a real station process that composes the song for real:
// to the paired TV, to the radio through moderation, and across a SIGKILL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';
import { Peer, type Frame } from './ws-peer.js';

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

const request = { message: 'Thank you for <b>everything</b> you do, every single day.', to: 'Mom', from: 'Alex', relation: 'family', genre: 'acoustic', vibe: 'heartfelt', language: 'en' };

async function pairedPair(): Promise<{ tv: Peer; phone: Peer; session: string }> {
  const url = `ws://127.0.0.1:${port}/ws`;
  const tv = await Peer.open(url);
  tv.send({ type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome');
  const phone = await Peer.open(url);
  phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Alex' });
  const paired = await phone.next('phone.paired');
  return { tv, phone, session: String(paired.sessionToken) };
}

describe('dedications', () => {
  it('makes the song, shows the stages on the phone, and offers it on the TV', async () => {
    const { tv, phone } = await pairedPair();
    phone.send({ type: 'dedication.create', request, target: 'tv' });
    const accepted = await phone.next('dedication.accepted');
    const id = accepted.id;
    const ready = await phone.next('dedication.ready', (f) => f.id === id, 90_000);
    const stages = phone.frames.filter((f) => f.type === 'dedication.progress' && f.id === id).map((f) => f.stage);
    expect(stages[0]).toBe('queued');
    expect([...stages].sort()).toEqual(['artwork', 'lyrics', 'mix', 'music', 'queued', 'voice']);
    const onTv = await tv.next('dedication.ready', (f) => f.id === id);
    const song = onTv.song as { id: string; to: string; files: { audio: string; cover: string } };
    expect(song.to).toBe('Mom');
    expect((ready.song as { id: string }).id).toBe(song.id);
    const audio = await fetch(`${station.base}${song.files.audio}`);
    expect(audio.status).toBe(200);
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    tv.close();
    phone.close();
  }, 120_000);

  it('sends a radio dedication through moderation, then on air with a spoken intro', async () => {
    const { phone } = await pairedPair();
    phone.send({ type: 'dedication.create', request: { ...request, message: 'Happy birthday, you are the best!', genre: 'pop', vibe: 'upbeat' }, target: 'radio' });
    const ready = await phone.next('dedication.ready', () => true, 90_000);
    expect(ready.moderation).toBe('pending');
    const token = (await readFile(join(fixture.dataDir, 'operator-token'), 'utf8')).trim();
    const auth = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${station.base}/api/v1/moderation`)).status).toBe(401);
    const queue = (await (await fetch(`${station.base}/api/v1/moderation`, { headers: auth })).json()) as { id: string }[];
    expect(queue.map((q) => q.id)).toContain(ready.id);
    const approved = await fetch(`${station.base}/api/v1/moderation/${ready.id}/approve`, { method: 'POST', headers: auth });
    expect(approved.status).toBe(200);
    const songId = (ready.song as { id: string }).id;
    // Right after the song on air: the intro, then the dedication (the intro may already be on air
    // by the time we look, on a slow machine).
    const deadline = Date.now() + 20_000;
    let seen: { current: { kind: string; songId: string } | null; next: { kind: string; songId: string } | null } | undefined;
    while (Date.now() < deadline) {
      seen = (await (await fetch(`${station.base}/api/v1/channels/radio-optimism/now`)).json()) as typeof seen;
      if (seen?.next?.songId === songId) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(seen?.next?.songId).toBe(songId);
    const introNext = seen?.next?.kind === 'intro';
    const introOnAir = seen?.current?.kind === 'intro' && seen.current.songId === songId && seen.next?.kind === 'dedication';
    expect({ introNext, introOnAir }).not.toEqual({ introNext: false, introOnAir: false });
    phone.close();
  }, 150_000);

  it('does not lose a dedication when the server is killed while making it', async () => {
    const { phone, session } = await pairedPair();
    phone.send({ type: 'dedication.create', request: { ...request, genre: 'lofi', vibe: 'calm' }, target: 'tv' });
    const accepted = await phone.next('dedication.accepted');
    await phone.next('dedication.progress', (f) => f.stage === 'lyrics' || f.stage === 'music', 30_000);
    station.child.kill('SIGKILL');
    await new Promise((r) => station.child.once('exit', r));
    phone.close();

    station = await startStation(fixture, port);
    const again = await Peer.open(`ws://127.0.0.1:${port}/ws`);
    again.send({ type: 'phone.resume', sessionToken: session });
    await again.next('phone.paired');
    const ready: Frame = await again.next('dedication.ready', (f) => f.id === accepted.id, 120_000);
    expect((ready.song as { to: string }).to).toBe('Mom');
    again.close();
  }, 200_000);
});
