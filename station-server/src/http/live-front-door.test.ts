// The front door over raw TCP against a real station: live requests answered by the door, everything
// else handed to node:http on the same connection, in order, with nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';
import { openParts as openLibrary } from '../testing/test-parts.js';
import { addToneSong } from '../testing/fixtures.js';

let dir: string;
let station: Station;

/**
 * Writes the chunks (a pause between them) and reads until `responses` complete responses arrived or
 * the socket closed; responses at `headOnly` positions answer HEAD requests and carry no body.
 */
async function exchange(chunks: string[], responses: number, headOnly: number[] = []): Promise<{ heads: string[]; bodies: Buffer[]; closed: boolean }> {
  const socket = connect({ host: '127.0.0.1', port: station.port });
  const heads: string[] = [];
  const bodies: Buffer[] = [];
  let buffer = Buffer.alloc(0);
  let closed = false;
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`got ${heads.length} of ${responses} responses`)), 10_000);
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = buffer.toString('latin1', 0, end);
        const bodyLength = headOnly.includes(heads.length) ? 0 : Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < end + 4 + bodyLength) break;
        heads.push(head);
        bodies.push(buffer.subarray(end + 4, end + 4 + bodyLength));
        buffer = buffer.subarray(end + 4 + bodyLength);
      }
      if (heads.length >= responses) finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', fail);
    void (async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
  });
  socket.destroy();
  return { heads, bodies, closed };
}

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'front-door-'));
  await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
  const library = openLibrary(join(dir, 'data'));
  await addToneSong(library, { title: '노래 for Ana', seconds: 7 });
  // Both titles in Hangul: which plays first depends on the hour's show in playlists/channels.yaml.
  await addToneSong(library, { title: '둘째 노래', seconds: 5, frequency: 550 });
  await library.close();
  station = await createStation(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists'), SEED_CATALOG: 'false' }, dir), () => undefined);
  await station.playout.tick();
});

afterAll(async () => {
  await station.destroy();
  await rm(dir, { recursive: true, force: true });
});

describe('the front door', () => {
  it('answers a live playlist, then hands the same connection to node:http for the API, in order', async () => {
    const { heads, bodies } = await exchange([get('/live/radio-optimism/128k.m3u8'), get('/healthz'), get('/live/radio-optimism/128k.m3u8')], 3);
    expect(heads.map((h) => h.split('\r\n')[0])).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    expect(bodies[0]!.toString()).toMatch(/^#EXTM3U/);
    expect(heads[0]).toMatch(/content-type: application\/vnd\.apple\.mpegurl/i);
    expect(heads[0]).toMatch(/^date: /im);
    expect(JSON.parse(bodies[1]!.toString())).toEqual({ status: 'ok' });
    // After the hand-over node:http answers live paths too, the same way.
    expect(bodies[2]!.toString()).toMatch(/^#EXTM3U/);
  });

  it('answers pipelined requests in the order they were sent, a segment among them', async () => {
    const playlist = (await (await fetch(`http://127.0.0.1:${station.port}/live/radio-optimism/128k.m3u8`)).text()).trimEnd();
    const segment = playlist.slice(playlist.lastIndexOf('\n') + 1);
    const { heads, bodies } = await exchange([get(segment) + get('/live/radio-optimism/128k.m3u8') + get(segment, 'Range: bytes=0-187\r\n')], 3);
    expect(heads.map((h) => h.split('\r\n')[0])).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 206 Partial Content']);
    expect(bodies[0]![0]).toBe(0x47); // an MPEG-TS sync byte
    expect(bodies[1]!.toString()).toMatch(/^#EXTM3U/);
    expect(bodies[2]!.equals(bodies[0]!.subarray(0, 188))).toBe(true);
    expect(heads[0]).toMatch(/cache-control: public, max-age=31536000, immutable/i);
  });

  it('counts Content-Length in bytes (a Hangul title in the playlist) and honours HEAD and Connection: close', async () => {
    const { heads, bodies } = await exchange([get('/live/radio-optimism/128k.m3u8') + `HEAD /live/radio-optimism/128k.m3u8 HTTP/1.1\r\nHost: x\r\n\r\n` + get('/healthz')], 3, [1]);
    const text = bodies[0]!.toString();
    expect(text).toMatch(/X-TITLE="(노래 for Ana|둘째 노래)"/);
    expect(text.trimEnd()).toMatch(/\.ts$/); // the whole playlist, not cut short by a length in characters
    expect(Number(/content-length: *(\d+)/i.exec(heads[1]!)?.[1])).toBeGreaterThan(0);
    expect(JSON.parse(bodies[2]!.toString())).toEqual({ status: 'ok' }); // HEAD sent no body to get in the way
    const closing = await exchange([get('/live/radio-optimism/128k.m3u8', 'Connection: close\r\n')], 2);
    expect(closing.heads).toHaveLength(1);
    expect(closing.heads[0]).toMatch(/^connection: close/im);
    expect(closing.closed).toBe(true);
  });

  it('hands over HTTP/1.0, split heads and unknown channels, which node:http answers', async () => {
    const old = await exchange([`GET /live/radio-optimism/128k.m3u8 HTTP/1.0\r\n\r\n`], 1);
    expect(old.heads[0]).toMatch(/^HTTP\/1\.1 200 OK/);
    const split = await exchange(['GET /live/radio-optimism/128k.m3u8 HT', 'TP/1.1\r\nHost: x\r\n\r\n'], 1);
    expect(split.heads[0]).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(split.bodies[0]!.toString()).toMatch(/^#EXTM3U/);
    const unknown = await exchange([get('/live/no-such-channel/128k.m3u8')], 1);
    expect(unknown.heads[0]).toMatch(/^HTTP\/1\.1 404/);
    const traversal = await exchange([get('/live/radio-optimism/../../library.sqlite')], 1);
    expect(traversal.heads[0]).toMatch(/^HTTP\/1\.1 (400|404)/);
  });
});
