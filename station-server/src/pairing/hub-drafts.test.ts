// lyrics.draft over a real station's socket: a paired phone gets the writer's words as editable blocks
// with the same warnings the station gives, a bad request gets the validator's words, an unpaired
// socket is refused, and the frame has its own budget (past it the socket is closed).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { lyricsWarnings } from '@radio-optimism/shared';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { shutdownComposer } from '../composer/shutdown.js';

type Frame = Record<string, unknown> & { type: string };

async function open(url: string, n: number) {
  const ws = new WebSocket(url, { localAddress: `127.0.0.${n}` });
  const frames: Frame[] = [];
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Frame));
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  ws.on('error', () => undefined);
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });
  const until = async <T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; frames ${JSON.stringify(frames.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    frames,
    closed: () => closed,
    send: (f: unknown) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(f)),
    until,
    next: (type: string, after = 0) => until(`a ${type} frame`, () => frames.slice(after).find((f) => f.type === type)),
    close: () => ws.terminate(),
  };
}

let dir: string;
let station: Station;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-drafts-'));
  await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
  station = await createStation(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_CATALOG: 'false', WS_BUDGET_LYRICS_DRAFT: '3/40', SONG_LIMIT_PER_PHONE: '2', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists') }, dir), () => undefined);
  url = `ws://127.0.0.1:${station.port}/ws`;
}, 60_000);
afterAll(async () => {
  await station.destroy();
  await shutdownComposer();
  await rm(dir, { recursive: true, force: true });
});

const request = { message: 'Thank you for every walk by the sea', to: 'Ana', from: 'Ben', genre: 'pop', vibe: 'heartfelt', language: 'en' };

async function pairedPhone(n: number) {
  const tv = await open(url, n);
  tv.send({ type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome');
  const phone = await open(url, n);
  phone.send({ type: 'phone.pair', code: welcome.pairingCode });
  await phone.next('phone.paired');
  return { tv, phone };
}

describe('takes and the per-phone song limit', () => {
  it('counts each take against the phone’s songs, shared with dedication.create', async () => {
    const { tv, phone } = await pairedPhone(5);
    // Takes of a group this phone never made are refused, but each asked-for take is counted first.
    for (let i = 0; i < 2; i++) phone.send({ type: 'take.another', group: 'no-such-group' });
    phone.send({ type: 'take.create', request });
    phone.send({ type: 'dedication.create', request, target: 'tv' });
    await phone.until('four answers', () => (phone.frames.filter((f) => f.type === 'error').length === 4 ? true : undefined));
    expect(phone.frames.filter((f) => f.type === 'error').map((f) => f.code)).toEqual(['unknown-take', 'unknown-take', 'rate-limited', 'rate-limited']);
    // Sending needs a take this phone made.
    const seen = phone.frames.length;
    phone.send({ type: 'take.send', take: 's_nothing', target: 'tv' });
    expect(await phone.next('error', seen)).toMatchObject({ code: 'unknown-take' });
    [tv, phone].forEach((p) => p.close());
  }, 60_000);
});

describe('lyrics.draft', () => {
  it('answers a paired phone with the writer’s words as blocks, the seed it used, and the name warning', async () => {
    const { tv, phone } = await pairedPhone(2);
    phone.send({ type: 'lyrics.draft', request: { ...request, seed: 7 } });
    const drafted = await phone.next('lyrics.drafted', 0);
    expect(drafted.seed).toBe(7);
    const sections = drafted.sections as { kind: string; lines: string[] }[];
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.some((s) => s.kind === 'chorus')).toBe(true);
    for (const s of sections) expect(s.lines.every((l) => l.length > 0)).toBe(true);
    const text = sections.map((s) => s.lines.join('\n')).join('\n\n');
    expect(drafted.warnings).toEqual(lyricsWarnings({ to: 'Ana', lyrics: text }));
    // The same seed drafts the same words (a draft sent back sings as the writer's song would).
    const before = phone.frames.length;
    phone.send({ type: 'lyrics.draft', request: { ...request, seed: 7 } });
    expect((await phone.next('lyrics.drafted', before)).sections).toEqual(sections);
    // A request the validator refuses gets its words, not a draft.
    const after = phone.frames.length;
    phone.send({ type: 'lyrics.draft', request: { ...request, to: '' } });
    expect(await phone.next('error', after)).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/^to: /) });
    [tv, phone].forEach((p) => p.close());
  }, 60_000);

  it('refuses a socket that is not paired', async () => {
    const stranger = await open(url, 3);
    stranger.send({ type: 'lyrics.draft', request });
    expect(await stranger.next('error')).toMatchObject({ code: 'not-paired' });
    stranger.close();
  });

  it('closes a socket past its lyrics.draft budget', async () => {
    const { tv, phone } = await pairedPhone(4);
    for (let i = 0; i < 10; i++) phone.send({ type: 'lyrics.draft', request });
    const closed = await phone.until('the close', () => phone.closed(), 60_000);
    expect(closed).toMatchObject({ code: 1008, reason: expect.stringMatching(/too many lyrics\.draft/) });
    expect(phone.frames.filter((f) => f.type === 'lyrics.drafted').length).toBe(3);
    tv.close();
  }, 90_000);
});
