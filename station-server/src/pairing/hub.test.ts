import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { CODE_ALPHABET } from './codes.js';

type Frame = Record<string, unknown> & { type: string };

/** A real ws client that keeps every frame and can wait for the next one of a type. */
class Peer {
  readonly frames: Frame[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.frames.push(JSON.parse(String(d)) as Frame));
  }
  static async open(url: string, headers: Record<string, string> = {}, localAddress?: string): Promise<Peer> {
    const ws = new WebSocket(url, { headers, ...(localAddress ? { localAddress } : {}) });
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    return new Peer(ws);
  }
  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  async next(type: string, after = 0, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.frames.slice(after).find((f) => f.type === type);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames)}`);
  }
  close(): void {
    this.ws.close();
  }
}

describe('pairing over real WebSockets', () => {
  let dir: string;
  let station: Station;
  let url: string;
  const config = () => loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists') }, dir);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-'));
    await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
    station = await createStation(config(), () => undefined);
    url = `ws://127.0.0.1:${station.port}/ws`;
  });
  afterAll(async () => {
    await station.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a TV a short code without look-alikes, and a phone that types it a session for that TV only', async () => {
    const tv = await Peer.open(url);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    expect(String(welcome.pairingCode)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(String(welcome.pairingUrl)).toContain(`/pair?code=${welcome.pairingCode}`);
    expect(Date.parse(String(welcome.expiresAt))).toBeGreaterThan(Date.now() + 60_000);

    const phone = await Peer.open(url);
    phone.send({ type: 'dedication.create', request: { message: 'hi', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' }, target: 'tv' });
    expect(await phone.next('error')).toMatchObject({ code: 'not-paired' }); // out of order: nothing happens
    phone.send({ type: 'phone.pair', code: ` ${String(welcome.pairingCode).toLowerCase().slice(0, 3)}-${String(welcome.pairingCode).slice(3)} `, name: 'Alex <b>' });
    const paired = await phone.next('phone.paired');
    expect(paired.tvId).toBe(welcome.tvId);
    expect(Buffer.from(String(paired.sessionToken), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const phones = await tv.next('tv.phones');
    expect(phones.phones).toEqual([expect.objectContaining({ name: 'Alex <b>' })]);
    // The code was single use: a second phone cannot reuse it, and the TV got a fresh one.
    const other = await Peer.open(url);
    other.send({ type: 'phone.pair', code: welcome.pairingCode });
    expect(await other.next('error')).toMatchObject({ code: 'bad-code' });
    const fresh = tv.frames.filter((f) => f.type === 'tv.welcome');
    expect(fresh.length).toBe(2);
    expect(fresh[1]!.pairingCode).not.toBe(welcome.pairingCode);
    [tv, phone, other].forEach((p) => p.close());
  });

  it('keeps pairings across a restart: the TV keeps its identity and the phone resumes', async () => {
    const tv = await Peer.open(url);
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    const phone = await Peer.open(url);
    phone.send({ type: 'phone.pair', code: welcome.pairingCode });
    const paired = await phone.next('phone.paired');
    tv.close();
    phone.close();

    await station.destroy();
    station = await createStation(config(), () => undefined);
    url = `ws://127.0.0.1:${station.port}/ws`;

    const tv2 = await Peer.open(url);
    tv2.send({ type: 'tv.hello', tvId: welcome.tvId, token: welcome.token });
    const again = await tv2.next('tv.welcome');
    expect(again.tvId).toBe(welcome.tvId);
    expect(again.phones).toEqual([expect.objectContaining({ id: paired.phoneId })]);
    const phone2 = await Peer.open(url);
    phone2.send({ type: 'phone.resume', sessionToken: paired.sessionToken });
    expect(await phone2.next('phone.paired')).toMatchObject({ tvId: welcome.tvId, phoneId: paired.phoneId });

    // The TV unpairs the phone: the phone is told, and can no longer send songs.
    tv2.send({ type: 'tv.unpair', phoneId: paired.phoneId });
    expect(await phone2.next('phone.left')).toMatchObject({ reason: 'unpaired-by-tv' });
    expect((await tv2.next('tv.phones', 1)).phones).toEqual([]);
    phone2.send({ type: 'phone.resume', sessionToken: paired.sessionToken });
    expect(await phone2.next('error')).toMatchObject({ code: 'not-paired' });
    tv2.close();
    phone2.close();
  });

  it('answers malformed, unknown and oversized frames with an error and stays open', async () => {
    const peer = await Peer.open(url);
    peer.send('{not json');
    peer.send(JSON.stringify({ no: 'type' }));
    peer.send({ type: 'tv.launch-missiles' });
    peer.send({ type: 'phone.pair' });
    peer.send({ type: 'phone.pair', code: 'ABCDEF', extra: 1 });
    peer.send({ type: 'dedication.create', request: { message: '', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' }, target: 'tv' });
    peer.send({ type: 'channel.subscribe', channel: 'x'.repeat(9000) });
    await new Promise((r) => setTimeout(r, 300));
    expect(peer.frames.map((f) => f.code)).toEqual(['bad-frame', 'bad-frame', 'unknown-type', 'bad-frame', 'bad-frame', 'invalid-request', 'frame-too-large']);
    expect(String(peer.frames[5]!.message)).toMatch(/message is empty/);
    expect(peer.ws.readyState).toBe(WebSocket.OPEN);
    peer.close();
  });

  it('refuses other websites as origins', async () => {
    await expect(Peer.open(url, { Origin: 'https://evil.example' })).rejects.toThrow(/40[13]/);
    const ok = await Peer.open(url, { Origin: `http://127.0.0.1:${station.port}` });
    ok.close();
  });

  it('locks out an address after a few wrong codes', async () => {
    // Its own address: the earlier tests' wrong codes count too, and they outlive the restart.
    const guesser = await Peer.open(url, {}, '127.0.0.99');
    for (let i = 0; i < 7; i++) guesser.send({ type: 'phone.pair', code: 'QQQQQQ' });
    await new Promise((r) => setTimeout(r, 300));
    const codes = guesser.frames.map((f) => f.code);
    expect(codes.slice(0, 5)).toEqual(['bad-code', 'bad-code', 'bad-code', 'bad-code', 'bad-code']);
    expect(codes.slice(5)).toEqual(['rate-limited', 'rate-limited']);
    guesser.close();
  });
});
